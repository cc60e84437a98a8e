import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
z = y * y
print(y._version)
y.add_(1)
print(y._version)
z.sum().backward()
