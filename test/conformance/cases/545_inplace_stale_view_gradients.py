import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
y = x * 1
m = y.view(2, 2)
col = y[::2]
y.mul_(3)
print(m.grad_fn.name(), type(col.grad_fn).__name__)
loss = (m ** 2).sum() + col.sum()
loss.backward()
print(loss, x.grad)

z = x.exp()
a = z[:2]
b = z[2:]
a.mul_(2)
out = (b * 5).sum() + z.sum()
out.backward()
print(z, x.grad)
