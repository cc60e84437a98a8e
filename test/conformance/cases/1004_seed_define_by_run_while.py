import torch
torch.manual_seed(7)
x = torch.rand(3, requires_grad=True)
y = x * 2
n = 0
while y.norm() < 10:
    y = y * 2
    n += 1
print(n)
y.sum().backward()
print(x.grad)
print(y.grad_fn.name())
