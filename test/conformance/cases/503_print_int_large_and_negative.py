import torch
print(torch.tensor([1, -10, 100, -1000]))
print(torch.tensor([[2 ** 40, 1], [-3, 0]]))
print(torch.tensor([5], dtype=torch.int32), torch.tensor([-1, 1], dtype=torch.int8))
print(torch.arange(-5, 5).reshape(2, 5))
print(torch.tensor(-7))
