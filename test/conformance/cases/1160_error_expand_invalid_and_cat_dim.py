import torch
a = torch.ones(2, 3)
try:
    a.expand(4, 3)
except RuntimeError as e:
    print(e)
try:
    torch.cat([a, torch.ones(2, 3)], dim=2)
except IndexError as e:
    print(type(e).__name__, e)
b = torch.ones(3, 1).expand(3, 4)
print(b.shape)
b.add_(1)
