import torch
x = torch.tensor([0.5, 1.5, -0.7], requires_grad=True)
y = torch.log(x.abs()).sum() + torch.sqrt(x.abs()).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
g.sum().backward()
print(g)
print(x.grad)
