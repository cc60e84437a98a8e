import torch
col = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
row = torch.tensor([[10.0, 20.0]], requires_grad=True)
s = col * row + col - row / 2
print(s)
s.sum().backward()
print(col.grad)
print(row.grad)
b = torch.tensor(2.0, requires_grad=True)
t = (s.detach() * b).mean()
t.backward()
print(b.grad)
