import torch
import torch.nn.functional as F
from torch.autograd.functional import jacobian, hessian

def f(v):
    return torch.stack([v[0] * v[1], v[0] ** 2 + torch.sin(v[1])])

v = torch.tensor([1.0, 2.0])
print(jacobian(f, v))
print(hessian(lambda u: (u ** 3).sum() + u.prod(), v))
a, b = torch.broadcast_tensors(torch.tensor([[1.0], [2.0]]), torch.tensor([10.0, 20.0, 30.0]))
print(a, b, sep='\n')
z = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
s = F.softmin(z, dim=1)
print(s)
s[0, 0].backward()
print(z.grad)
