import torch
x = torch.arange(6.0).reshape(2, 3)
t = x.t()
print(t.is_contiguous(), t.reshape(6))
print(t.contiguous().view(3, 2))
print(t.view(6))
