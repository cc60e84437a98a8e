import torch
from torchviz import make_dot
x = torch.tensor(1.5, requires_grad=True)
y = 3 * x ** 3 - 2 * x ** 2 + x - 7
make_dot(y, params={'x': x})
y.backward()
print(y, x.grad)
