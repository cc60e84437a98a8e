import torch
x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
f = x ** 2 * y ** 3 + torch.exp(x * y)
fx, fy = torch.autograd.grad(f, (x, y), create_graph=True)
fxy = torch.autograd.grad(fx, y, retain_graph=True)[0]
fyx = torch.autograd.grad(fy, x, retain_graph=True)[0]
fxx = torch.autograd.grad(fx, x)[0]
print(fx, fy)
print(fxy, fyx, fxx)
print(torch.isclose(fxy, fyx))
