import torch
a = torch.ones(2, 3)
b = torch.ones(2, 4)
print(torch.cat([a, b], dim=1).shape)
try:
    torch.cat([a, b], dim=0)
except RuntimeError as e:
    print(e)
try:
    torch.cat([a, b], dim=2)
except IndexError as e:
    print(e)
try:
    torch.cat([])
except (RuntimeError, ValueError) as e:
    print(type(e).__name__, e)
torch.stack([a, b])
