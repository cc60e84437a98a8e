import torch
x = torch.tensor([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]], requires_grad=True)
mask = x > 0
print(mask)
print(x[mask])
loss = (x[mask] ** 2).sum() + x[~mask].sum()
loss.backward()
print(loss)
print(x.grad)
print(mask.sum(), mask.float().mean())
