import math
import torch
x = torch.linspace(0, math.pi, 5, requires_grad=True)
y = x.sin().pow(2) + x.cos().pow(2)
print(y)
z = (x.sin() * x.cos()).sum()
z.backward()
print(x.grad)
print(torch.allclose(x.grad, torch.cos(2 * x.detach())))
