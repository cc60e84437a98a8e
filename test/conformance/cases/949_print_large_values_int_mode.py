import torch
print(torch.tensor([100.0, 2000.0, 30000.0]))
print(torch.tensor([1e5, 2e5]))
print(torch.tensor([123456789.0]))
print(torch.tensor([1.0, 2.0]) * 1e9)
print(torch.tensor([-5.0, 10.0, 0.0]))
print(torch.tensor(1e20), torch.tensor(-1e-20))
print(torch.tensor([1e15, 1.0]), torch.tensor([999.0, 1000.0]))
