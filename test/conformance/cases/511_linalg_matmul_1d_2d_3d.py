import torch
v = torch.tensor([1.0, 2.0, 3.0])
M = torch.arange(6.0).reshape(3, 2)
T = torch.arange(12.0).reshape(2, 2, 3)
print(v @ M, (v @ M).shape)
print(T @ v, (T @ v).shape)
print(T @ M)
print(torch.matmul(M.T, v))
print(torch.mm(M.T, M))
