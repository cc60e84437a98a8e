import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(x.sum(dim=1, keepdim=True))
print(x.sum(axis=0))
print(x.mean(dims=0))
