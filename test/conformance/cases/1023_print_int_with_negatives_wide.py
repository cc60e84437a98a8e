import torch
x = torch.arange(30).reshape(2, 15) * 137 - 2000
print(x)
print(x.T[:3])
