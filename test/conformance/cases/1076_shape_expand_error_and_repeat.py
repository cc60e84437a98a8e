import torch
v = torch.tensor([[1.0], [2.0]], requires_grad=True)
e = v.expand(2, 3)
r = v.repeat(2, 2)
print(e, r)
(e.sum() + r.sum()).backward()
print(v.grad)
print(v.expand(3, 3))
