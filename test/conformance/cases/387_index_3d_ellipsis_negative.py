import torch
x = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
print(x[..., 0])
print(x[1, ..., -1])
print(x[:, -1, :])
print(x[0, 1:, 2:])
y = x[..., 1].sum() + x[-1, -1, -1]
y.backward()
print(x.grad)
