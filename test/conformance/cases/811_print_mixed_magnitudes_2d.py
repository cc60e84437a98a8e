import torch
a = torch.tensor([[0.001, 1000.0], [5.5, -0.25]])
print(a)
b = torch.tensor([[1e-3, 2e-3], [3e-3, 4e-4]])
print(b)
c = torch.tensor([[100000.0, 2.0], [3.0, 4.0]])
print(c)
d = torch.tensor([1.0, 2.0, 3.0]) / 3
print(d)
print(d * 1000)
print(torch.tensor([0.1, 0.25, 10.0]))
