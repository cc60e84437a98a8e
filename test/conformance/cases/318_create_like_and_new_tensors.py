import torch
x = torch.tensor([[1.5, 2.5], [3.5, 4.5]], dtype=torch.float64)
print(torch.zeros_like(x))
print(torch.ones_like(x, dtype=torch.int64))
print(torch.full_like(x, 7))
print(torch.empty(2, 3).shape)
print(torch.tensor([[1.0, 2.0]]).T)
print(torch.tensor(5).dim(), torch.tensor([5]).dim(), torch.tensor([[5]]).dim())
