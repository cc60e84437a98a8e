import torch
a = torch.tensor([[1, 2], [3, 4]])
print(a.sum(), a.sum(dim=0), a.prod(), a.prod(dim=1))
print(a.max(), a.min(dim=1))
b = torch.tensor([True, True, False])
print(b.sum(), b.any(), b.all(), b.sum().dtype)
print(a.float().mean(dim=1), a.double().std())
print(torch.tensor([3, 1, 2]).argmax(), a.sum().item())
