import torch
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
p = x.prod()
p.backward()
print(p, x.grad)
x.grad = None
c = torch.cumsum(x, dim=0)
print(c)
c.sum().backward()
print(x.grad)
x.grad = None
q = torch.cumprod(x, dim=0)
print(q)
q[-1].backward()
print(x.grad)
m = torch.tensor([[1, 2], [3, 4]])
print(m.prod(dim=1), m.cumsum(dim=1), m.sum(dtype=torch.float32))
