import torch
from torchviz import make_dot
w = torch.tensor([0.5, -0.25], requires_grad=True)
x1 = torch.tensor([1.0, 2.0])
x2 = torch.tensor([-1.0, 0.5])
h1 = torch.tanh(w @ x1)
h2 = torch.tanh(w @ x2)
reg = 0.1 * w.pow(2).sum()
total = (h1 - 1) ** 2 + (h2 + 1) ** 2 + reg
make_dot(total, params={'w': w})
total.backward()
print(total, w.grad)
