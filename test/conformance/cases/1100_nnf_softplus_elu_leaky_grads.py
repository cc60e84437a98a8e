import torch
import torch.nn.functional as F
x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
a = F.softplus(x)
b = F.elu(x, alpha=0.5)
c = F.leaky_relu(x, negative_slope=0.1)
print(a)
print(b)
print(c)
(a + b + c).sum().backward()
print(x.grad)
print(F.softplus(x, beta=2.0, threshold=1.0))
