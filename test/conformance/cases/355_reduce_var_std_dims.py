import torch
x = torch.tensor([[1.0, 2.0, 4.0], [2.0, 6.0, 10.0]], requires_grad=True)
v = x.var(dim=1)
s = x.std(dim=0)
print(v)
print(s)
print(x.var(dim=1, unbiased=False), x.std(unbiased=False))
(v.sum() + s.sum()).backward()
print(x.grad)
