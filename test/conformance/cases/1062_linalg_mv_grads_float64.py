import torch
M = torch.tensor([[2.0, 1.0, 0.0], [0.0, 1.0, -1.0]], dtype=torch.float64, requires_grad=True)
v = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
y = torch.mv(M, v)
print(y)
(y ** 2).sum().backward()
print(M.grad)
print(v.grad)
