import torch
A = torch.tensor([[1, 2], [3, 4]])
x = torch.tensor([0.5, 1.5])
print(A @ A)
print(A.float() @ x)
print(A @ x)
