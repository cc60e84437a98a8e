import torch
print(torch.zeros(0, 3))
print(torch.zeros(3, 0))
print(torch.empty(2, 0, 2).shape)
print(torch.tensor([], dtype=torch.int64))
print(torch.ones(1, 1, 1, 1))
print(torch.arange(4).reshape(1, 4, 1))
x = torch.tensor([[5.0]], requires_grad=True)
print(x, x.squeeze() * 2)
