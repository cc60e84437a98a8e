import torch
x = torch.tensor([1.0, 2.0, 3.0
y = x * 2
print(y)
