import torch
x = torch.tensor([[2.0, 1.0], [4.0, 2.0]], requires_grad=True)
y = (x * 3).sum()
print(y)
z = torch.linalg.inv(x)
