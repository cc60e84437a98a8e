import torch
x = torch.tensor([[1.0, 5.0, 5.0], [7.0, 2.0, 7.0]], requires_grad=True)
v, i = x.max(dim=1)
print(v, i)
r = torch.max(x, 0, keepdim=True)
print(r.values, r.indices)
v.sum().backward()
print(x.grad)
print(x.argmin(), x.argmax(dim=0))
