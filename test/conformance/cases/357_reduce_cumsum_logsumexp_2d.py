import torch
x = torch.tensor([[1.0, 2.0, 3.0], [0.5, -0.5, 0.0]], requires_grad=True)
c = x.cumsum(dim=1)
print(c)
l = torch.logsumexp(x, dim=1)
print(l)
(c.sum() + l.sum()).backward()
print(x.grad)
print(torch.cumprod(torch.tensor([1, 2, 3, 4]), dim=0))
