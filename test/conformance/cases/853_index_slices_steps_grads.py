import torch
x = torch.arange(20.0).reshape(4, 5).requires_grad_()
print(x[1:3, 1:4])
print(x[::2, ::2])
print(x[-1], x[:, -1], x[-2:, :2])
print(x[1, 2], x[1][2])
y = x[1:, 1:].sum() + x[0, 0] * 3
y.backward()
print(x.grad)
print(x[..., 0], x[None].shape)
