import torch
x = torch.tensor([1.5, 2.5])
print(int(x[0]))
n = int(x)
