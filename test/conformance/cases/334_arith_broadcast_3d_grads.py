import torch
a = torch.ones(2, 1, 3, requires_grad=True)
b = torch.tensor([[1.0], [2.0], [3.0], [4.0]], requires_grad=True)
c = a * b
print(c.shape)
c.sum().backward()
print(a.grad)
print(b.grad)
s = torch.tensor(2.0, requires_grad=True)
v = torch.tensor([1.0, 2.0, 3.0])
(s * v).sum().backward()
print(s.grad)
