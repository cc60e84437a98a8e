import torch
from torchviz import make_dot
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)
c = torch.cat([a, b * 2])
d = torch.stack([c, c.flip(0)])
e = d.max(dim=0).values.sum() + d.mean()
make_dot(e)
make_dot(d)
e.backward()
print(a.grad, b.grad)
