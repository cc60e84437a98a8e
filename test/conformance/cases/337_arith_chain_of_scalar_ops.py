import torch
x = torch.tensor(-1.5, requires_grad=True)
y = ((x * 3 + 1) ** 3 - x / 4) * 2
y.backward()
print(y, x.grad)
x.grad = None
z = x * x * x
z.backward()
print(z, x.grad)
