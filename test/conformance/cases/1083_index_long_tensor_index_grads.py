import torch
x = torch.tensor([10.0, 20.0, 30.0, 40.0], requires_grad=True)
idx = torch.tensor([3, 0, 3, 1])
y = x[idx]
print(y)
(y * torch.tensor([1.0, 2.0, 3.0, 4.0])).sum().backward()
print(x.grad)
M = torch.arange(9).reshape(3, 3)
print(M[[0, 2], [1, 2]], M[torch.tensor([2, 0])])
