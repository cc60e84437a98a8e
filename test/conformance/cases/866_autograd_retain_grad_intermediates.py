import torch
x = torch.tensor([1.0, -2.0], requires_grad=True)
a = x * 3
a.retain_grad()
b = a.relu()
b.retain_grad()
c = (b ** 2).sum()
c.retain_grad()
c.backward()
print(a.grad, b.grad, c.grad, x.grad)
print(a.is_leaf, b.requires_grad, a.retains_grad, x.retains_grad)
d = x + 1
print(d.grad)
