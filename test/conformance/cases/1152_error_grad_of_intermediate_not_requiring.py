import torch
x = torch.tensor([1.0, 2.0])
w = torch.tensor([0.5, 0.5], requires_grad=True)
y = (x * w).sum()
g = torch.autograd.grad(y, x)
