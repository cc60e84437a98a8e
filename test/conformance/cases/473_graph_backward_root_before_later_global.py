import torch
x = torch.tensor(2.0, requires_grad=True)
y = torch.sin(x) * x
y.backward()
z = x ** 3
print(x.grad, z)
