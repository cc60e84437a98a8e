import torch
from torchviz import make_dot
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
W = torch.tensor([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]], requires_grad=True)
y = torch.tanh(W @ x)
make_dot(y)
print(y)
