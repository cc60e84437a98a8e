import torch
x = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
print(x)
y = (x ** 2).sum()
y.backward()
print(x.grad)
d = torch.tensor(2, dtype=torch.float64, requires_grad=True)
e = d ** 3
e.backward()
print(d, e, d.grad)
print(torch.tensor([1, 2]).float().dtype, torch.tensor([1.5]).long(), torch.tensor([0.0, 1.5]).bool())
print(torch.tensor([[1, 0], [0, 1]], dtype=torch.bool))
