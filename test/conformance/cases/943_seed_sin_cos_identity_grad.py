import torch
import math
x = torch.tensor(math.pi / 3, requires_grad=True)
y = torch.sin(x) ** 2 + torch.cos(x) ** 2
print(y)
y.backward()
print(x.grad)
print(abs(x.grad.item()) < 1e-6)
