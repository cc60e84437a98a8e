import torch
x = torch.tensor(1.5, requires_grad=True)
y = torch.sin(x) * x ** 2
g1, = torch.autograd.grad(y, x, create_graph=True)
g2, = torch.autograd.grad(g1, x, create_graph=True)
g3, = torch.autograd.grad(g2, x)
print(g1)
print(g2)
print(g3)
