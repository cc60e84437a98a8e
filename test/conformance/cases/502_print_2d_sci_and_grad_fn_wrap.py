import torch
a = torch.tensor([[1e-5, 1.0], [100.0, 2.5]], requires_grad=True)
print(a)
print(a * 2)
b = torch.tensor([[123456.0, 1.0], [7.0, 8.0]])
print(b)
c = torch.tensor([[0.1234567, 22.5], [-333.25, 4.0]], dtype=torch.float64)
print(c)
print(torch.tensor([1.0e-3, 5.0e2, 2.0]) * torch.tensor(3.0, requires_grad=True))
