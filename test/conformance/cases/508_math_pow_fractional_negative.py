import torch
x = torch.tensor([-1.0, 0.0, 4.0], requires_grad=True)
y = x ** 0.5
print(y)
y.sum().backward()
print(x.grad)
z = torch.tensor([-8.0, 8.0]) ** 2
print(z, torch.tensor([2.0]) ** -2, torch.pow(2, torch.tensor([0, 1, 2])))
