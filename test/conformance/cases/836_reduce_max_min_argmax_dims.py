import torch
x = torch.tensor([[3.0, 7.0, 7.0], [9.0, 1.0, 4.0]], requires_grad=True)
vals, idx = x.max(dim=1)
print(vals, idx)
r = torch.min(x, dim=0)
print(r)
print(r.values, r.indices)
print(x.argmax(), x.argmin(dim=1), x.argmax(dim=0, keepdim=True))
vals.sum().backward()
print(x.grad)
x.grad = None
x.max().backward()
print(x.grad)
x.grad = None
x.amax(dim=1).sum().backward()
print(x.grad)
