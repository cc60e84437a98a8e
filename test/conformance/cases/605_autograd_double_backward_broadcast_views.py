import torch
x = torch.tensor([0.5, 1.5, -0.7], requires_grad=True)
y = (x.view(3, 1) * x).sum() + (x.expand(2, 3) * x).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
g.sum().backward()
print(g)
print(x.grad)
