import torch
x = torch.tensor([2.0, 0.0, 3.0], requires_grad=True)
p = x.prod()
p.backward()
print(p, x.grad)
y = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
q = y.prod(dim=1)
q.sum().backward()
print(q, y.grad)
