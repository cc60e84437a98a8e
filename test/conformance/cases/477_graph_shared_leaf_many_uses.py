import torch
from torchviz import make_dot
x = torch.tensor([1.0, 2.0], requires_grad=True)
a = x * x
b = a + x
c = b * a - x.sum()
d = c.mean()
make_dot(d)
d.backward()
print(d, x.grad)
