import torch
x = torch.tensor([-1.5, 0.5, 2.0], requires_grad=True)
y = torch.where(x > 0, x * 3, torch.zeros(3))
print(y)
y.sum().backward()
print(x.grad)
z = torch.where(x > 1, x, x ** 2)
print(z)
print(torch.where(torch.tensor([1, 0, 2]) > 0))
