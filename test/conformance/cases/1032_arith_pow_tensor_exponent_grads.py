import torch
base = torch.tensor([2.0, 3.0], requires_grad=True)
e = torch.tensor([3.0, 0.5], requires_grad=True)
y = base ** e
print(y)
y.sum().backward()
print(base.grad)
print(e.grad)
z = 2 ** e
print(z)
