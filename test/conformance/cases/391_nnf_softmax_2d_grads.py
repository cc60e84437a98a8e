import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], requires_grad=True)
p0 = F.softmax(x, dim=0)
p1 = F.softmax(x, dim=1)
print(p0)
print(p1)
(p1[:, 0].sum() + p0[0].sum()).backward()
print(x.grad)
print(p1.sum(dim=1))
