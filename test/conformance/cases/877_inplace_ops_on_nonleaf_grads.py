import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
y.add_(1)
y.mul_(3)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
z = x.clone()
z[1] = 0.0
z.exp_()
print(z)
z.sum().backward()
print(x.grad)
