import torch
x = torch.tensor([[1.0, 2.0, 3.0], [2.0, 4.0, 9.0]], requires_grad=True)
centered = x - x.mean(dim=1, keepdim=True)
print(centered)
z = centered / x.std(dim=1, keepdim=True)
print(z)
(z ** 2).sum().backward()
print(x.grad)
