import torch
x = torch.tensor([-1.5, 2.0, -0.5, 3.0, 0.0], requires_grad=True)
mask = x > 0
print(mask)
pos = x[mask]
print(pos)
w = torch.where(mask, x * 2, x ** 2)
print(w)
(pos.sum() + w.sum()).backward()
print(x.grad)
print(x[x < 0].detach(), (x.detach() > 0).nonzero())
m = torch.tensor([[1, 2], [3, 4]])
print(m[m % 2 == 0])
