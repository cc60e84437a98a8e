import torch
x = torch.tensor([[2.0, 7.0, 1.0], [9.0, 3.0, 9.0]], requires_grad=True)
v, i = torch.max(x, dim=1)
print(v, i)
mn = x.min(dim=0, keepdim=True)
print(mn.values, mn.indices)
print(x.argmax(dim=1), x.argmin(), x.argmax(dim=0, keepdim=True))
(v.sum() + mn.values.sum()).backward()
print(x.grad)
x.grad = None
x.min().backward()
print(x.grad)
