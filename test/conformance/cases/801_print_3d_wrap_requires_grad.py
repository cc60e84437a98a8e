import torch
x = torch.linspace(-1, 1, 36).reshape(2, 3, 6).requires_grad_()
print(x)
y = (x * 3.14159).exp()
print(y)
z = y.sum(dim=2)
print(z)
