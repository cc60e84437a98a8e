import torch
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
y = x * 1
v = y[1:3]
v.mul_(10)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
m = (x * 1).view(2, 2)
row = m[0]
row.add_(100)
print(m)
(m ** 2).sum().backward()
print(x.grad)
