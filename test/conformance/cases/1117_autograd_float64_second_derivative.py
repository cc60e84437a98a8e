import torch
x = torch.tensor([0.1, 0.2, 0.3], dtype=torch.float64, requires_grad=True)
y = torch.log1p(x) * torch.cos(x)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g)
h, = torch.autograd.grad(g.sum(), x)
print(h)
print(g.dtype, h.requires_grad)
