import torch
a = torch.tensor([[1, 2], [3, 4]])
b = torch.tensor([[0.5], [1.5]])
print(a.float() @ b)
print(a @ b)
