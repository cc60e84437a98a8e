import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x ** 2
print(x._version)
with torch.no_grad():
    x.add_(1)
print(x._version)
y.sum().backward()
