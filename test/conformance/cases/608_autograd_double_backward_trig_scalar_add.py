import torch
x = torch.tensor([0.2, 0.6, -0.4], requires_grad=True)
y = torch.asin(x) + torch.atan(x) + torch.tan(x) + torch.log1p(x * x) + torch.rsqrt(x + 1)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
g.sum().backward()
print(g)
print(x.grad)
