import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([3.0, 4.0], requires_grad=True)
u = torch.tensor(5.0, requires_grad=True)
z = x * y
gx, gy = torch.autograd.grad(z, (x, y), grad_outputs=torch.tensor([1.0, 0.5]), retain_graph=True)
print(gx, gy)
g = torch.autograd.grad(z.sum(), [x, u], allow_unused=True)
print(g)
print(x.grad, y.grad)
(gs,) = torch.autograd.grad((x ** 3).sum(), x)
print(gs)
