import torch
x = torch.tensor([[0.5, 1.5, -0.7], [0.3, -1.1, 0.8]], requires_grad=True)
y = x.amax(1).sum() * x.norm() + torch.logsumexp(x, 1).sum() * x.norm(dim=0).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
g.sum().backward()
print(g)
print(x.grad)
