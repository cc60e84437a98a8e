import torch
a = torch.arange(24, dtype=torch.float32).reshape(2, 12) * 1.125 - 7
print(a)
b = torch.linspace(-100, 100, 22).reshape(2, 11)
print(b)
c = torch.arange(60).reshape(3, 20) * 1001
print(c)
