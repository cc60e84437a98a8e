import torch

def layer(x, w):
    h = x @ w
    return torch.relu(h)

x = torch.ones(2, 3)
w = torch.ones(2, 3, requires_grad=True)
out = layer(x, w)
