import torch
print(torch.linspace(-1, 1, 5))
print(torch.linspace(0, 10, steps=3, dtype=torch.float64))
print(torch.logspace(0, 3, 4))
print(torch.linspace(2, 2, 1))
print(torch.linspace(0, 1, 7))
