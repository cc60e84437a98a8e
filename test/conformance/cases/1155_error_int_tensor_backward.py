import torch
x = torch.tensor([1, 2, 3])
y = x * 2
try:
    x.requires_grad_()
except RuntimeError as e:
    print(e)
y.sum().backward()
