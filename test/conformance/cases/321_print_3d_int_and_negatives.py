import torch
a = torch.arange(24).reshape(2, 3, 4)
print(a)
b = torch.tensor([[[-1.5, 2.0], [3.25, -4.0]], [[0.5, 10.0], [-100.0, 7.0]]])
print(b)
print(b[0])
print(-a[1])
print(torch.zeros(2, 1, 2))
