import torch
x = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.int32)
print(x.sum(), x.sum().dtype)
print(x.sum(dim=0, dtype=torch.float64))
print(x.cumsum(1), x.cumsum(1).dtype)
print(x.prod(dim=1), torch.tensor([True, True, False]).sum())
print(x.max(), x.min(dim=1))
print(torch.tensor([1.0, 2.0]).sum(dim=1))
