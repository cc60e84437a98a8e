import torch
x = torch.tensor([0.5, 1.5, -0.7, 2.0], requires_grad=True)
y = x.var() * 2 + x.std()
g, = torch.autograd.grad(y, x, create_graph=True)
g.pow(2).sum().backward()
print(g)
print(x.grad)
