import torch
import math
x = torch.tensor([0.1, 0.5, 0.9], requires_grad=True)
a = torch.sin(x) ** 2 + torch.cos(x) ** 2
b = torch.atan(x)
c = torch.asin(x)
print(a)
print(b)
print(c)
(b + c).sum().backward()
print(x.grad)
print(torch.tan(torch.tensor(math.pi / 4)), torch.cos(torch.tensor([0.0, math.pi])))
