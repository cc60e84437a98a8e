import torch
x = torch.tensor([0.0, 1.0], requires_grad=True)
y = torch.exp(x)
z = y * 2
y.mul_(3)
print(y._version)
try:
    z.sum().backward()
    print(x.grad)
except RuntimeError as e:
    print('ok', x.grad)
w = torch.exp(x)
w.add_(1)
w.sum().backward()
