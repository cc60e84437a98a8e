import torch
import torch.nn.functional as F
x = torch.tensor([-2.0, 0.0, 2.0], requires_grad=True)
a = F.softplus(x)
b = torch.erf(x)
c = torch.log(1 + torch.exp(x))
print(a)
print(b)
print(c)
(a + b).sum().backward()
print(x.grad)
