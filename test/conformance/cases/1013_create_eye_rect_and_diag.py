import torch
print(torch.eye(2, 4))
print(torch.eye(3, dtype=torch.int64))
d = torch.diag(torch.tensor([1.0, 2.0, 3.0]))
print(d)
print(torch.diag(d))
print(torch.diag(torch.tensor([4, 5]), 1))
