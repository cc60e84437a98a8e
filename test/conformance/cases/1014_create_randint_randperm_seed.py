import torch
torch.manual_seed(123)
print(torch.randint(0, 10, (2, 4)))
print(torch.randperm(6))
print(torch.randint(5, (3,)))
g = torch.rand(2, 2)
print(g)
torch.manual_seed(123)
print(torch.randint(0, 10, (2, 4)))
