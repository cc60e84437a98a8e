import torch
x = torch.tensor([0.5, 1.5, -0.7], requires_grad=True)
y = x[1] * x[:2].sum() * x[-1]
g, = torch.autograd.grad(y, x, create_graph=True)
g.sum().backward()
print(g)
print(x.grad)
