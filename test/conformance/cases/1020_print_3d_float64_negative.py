import torch
x = torch.arange(-6, 6, dtype=torch.float64).reshape(2, 3, 2) / 4
print(x)
print(x.sum(dim=2))
