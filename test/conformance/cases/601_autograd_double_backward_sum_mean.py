import torch
x = torch.tensor([0.5, 1.5, -0.7], requires_grad=True)
y = x.sum() * x.mean() + (x * x).mean(0)
g, = torch.autograd.grad(y, x, create_graph=True)
print(g)
g.sum().backward()
print(x.grad)
