import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
a = x.detach()
b = x.data
print(a.requires_grad, b.requires_grad, a.is_leaf)
y = x * a
z = x * b
(y.sum() + z.sum()).backward()
print(x.grad)
c = x.detach().requires_grad_()
(c * 3).sum().backward()
print(c.grad, x.grad)
