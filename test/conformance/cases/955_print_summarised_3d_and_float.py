import torch
x = torch.arange(2000.0).reshape(10, 10, 20)
print(x)
y = torch.linspace(-1, 1, 1500)
print(y)
