import torch
x = torch.tensor([1, 2, 3, 4])
print(x.sum(), x.sum().dtype)
print(x.float().mean())
print(x.mean())
