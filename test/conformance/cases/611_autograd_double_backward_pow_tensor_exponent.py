import torch
x = torch.tensor([0.5, 1.5, 0.7], requires_grad=True)
w = torch.tensor([1.2, -0.4, 2.0], requires_grad=True)
y = x ** w + 2 ** x + x ** 3
gx, gw = torch.autograd.grad(y.sum(), (x, w), create_graph=True)
(gx * gw).sum().backward()
print(gx, gw)
print(x.grad, w.grad)
