import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([10.0, 20.0], requires_grad=True)
table = a.unsqueeze(1) * b.unsqueeze(0)
print(table)
print(table.shape, table.grad_fn.name())
table.sum().backward()
print(a.grad, b.grad)
print(a[:, None] + b[None, :])
