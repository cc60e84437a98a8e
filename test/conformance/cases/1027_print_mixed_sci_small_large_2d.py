import torch
x = torch.tensor([[1e-8, 1.0], [3.5, 2e6]])
print(x)
print(x.double())
print(torch.tensor([0.0001, 0.001]))
print(torch.tensor([1e-4, 123456.0]))
