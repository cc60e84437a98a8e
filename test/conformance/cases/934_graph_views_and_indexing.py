import torch
from torchviz import make_dot
a = torch.arange(6.0).requires_grad_()
m = a.view(2, 3)
t = m.t()
s = t[1:, 0] * m[0, :2]
r = s.sum() + m[:, 2].prod()
make_dot(r)
r.backward()
print(a.grad)
