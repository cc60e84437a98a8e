import torch
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
c = a * b + a ** 2 - b / a
print(c)
c.sum().backward()
print(a.grad, b.grad)
print(a.grad.shape, b.grad.shape)
