import torch
x = torch.arange(6).reshape(2, 3)
m = torch.tensor([True, False])
print(x[m])
print(x[:, torch.tensor([True, False, True])])
print(x[torch.tensor([True, False, True])])
