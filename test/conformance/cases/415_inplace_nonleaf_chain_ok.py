import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x + 1
y.mul_(3)
y.add_(x)
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad)
z = x * 1
z[1] = z[0] * 5
print(z)
z.sum().backward()
print(x.grad)
