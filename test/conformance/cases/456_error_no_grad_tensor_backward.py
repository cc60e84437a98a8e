import torch
a = torch.tensor([1.0, 2.0])
b = (a * 2).sum()
print(b)
b.backward()
