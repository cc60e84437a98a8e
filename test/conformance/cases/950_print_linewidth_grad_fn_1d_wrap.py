import torch
x = torch.linspace(0, 1, 9, requires_grad=True)
print(x * 2)
y = torch.linspace(0, 1, 10, requires_grad=True) * 2
print(y)
z = torch.arange(12.0, requires_grad=True)
print(z)
print(z.sum())
w = torch.arange(7, dtype=torch.float64, requires_grad=True)
print(w * 1.5)
