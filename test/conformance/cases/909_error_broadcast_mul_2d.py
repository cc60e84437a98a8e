import torch
W = torch.ones(3, 4, requires_grad=True)
x = torch.ones(3)
y = W * x
