import torch
A = torch.ones(2, 3)
B = torch.ones(2, 3)
print((A @ B.T).shape)
print(torch.mm(A, B))
