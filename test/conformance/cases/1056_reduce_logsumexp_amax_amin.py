import torch
x = torch.tensor([[1.0, 3.0, 3.0], [0.0, -1.0, 2.0]], requires_grad=True)
a = x.amax(dim=1)
b = torch.amin(x, dim=0)
c = torch.logsumexp(x, dim=1, keepdim=True)
print(a, b, c)
(a.sum() + b.sum() + c.sum()).backward()
print(x.grad)
