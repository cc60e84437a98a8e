import torch
torch.set_printoptions(precision=2)
w = torch.tensor([[1.23456, -0.00123], [123.456, 7.0]], requires_grad=True)
print(w)
y = w * 3
print(y)
torch.set_printoptions(precision=6)
print(y)
