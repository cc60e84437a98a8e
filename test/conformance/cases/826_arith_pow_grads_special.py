import torch
x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x ** 2
y.sum().backward()
print(x.grad)
x.grad = None
(x ** 0.5).sum().backward()
print(x.grad)
x.grad = None
(x ** 0).sum().backward()
print(x.grad)
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
c = a ** b
c.backward()
print(c, a.grad, b.grad)
print(torch.pow(2, torch.tensor([1.0, 2.0])))
