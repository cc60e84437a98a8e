import torch
a = torch.tensor([[1e-5, -2e3], [3.5, 4e7]])
print(a)
print(-a)
b = torch.tensor([[1e-9, 1.0], [1.0, 1.0]], requires_grad=True)
print(b * 1)
print(torch.tensor([-1e-4, 1e-4]))
print(torch.tensor([1e-4, 1e4]))
print(torch.tensor([0.01, 100.0]), torch.tensor([0.001, 1000.0]))
