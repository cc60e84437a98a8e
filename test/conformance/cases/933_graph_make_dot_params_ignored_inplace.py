import torch
from torchviz import make_dot
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor(0.5, requires_grad=True)
y = x * w
y[0] = 0.0
z = y.exp().sum()
make_dot(z, params={'x': x, 'w': w, 'unused': torch.ones(1)})
z.backward()
print(x.grad, w.grad)
