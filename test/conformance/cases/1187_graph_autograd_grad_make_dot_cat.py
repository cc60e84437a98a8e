import torch
from torchviz import make_dot
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0], requires_grad=True)
c = torch.cat([a * 2, b.exp(), a[:1]])
s = c.max()
m = c.mean()
g, = torch.autograd.grad(s + m, a)
print(c, s, m, g)
make_dot(c)
