import torch
x = torch.tensor([0.3, -1.2], requires_grad=True)
y = torch.tensor([1.0, 2.0], requires_grad=True)
a = torch.tan(x)
b = torch.atan2(x, y)
c = torch.hypot(x, y)
print(a, b, c)
(a + b + c).sum().backward()
print(x.grad, y.grad)
