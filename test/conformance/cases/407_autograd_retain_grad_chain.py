import torch
x = torch.tensor(2.0, requires_grad=True)
a = x * 3
a.retain_grad()
b = a ** 2
b.retain_grad()
c = b + a
c.backward()
print(a.grad, b.grad, x.grad)
print(a.retains_grad, c.retains_grad)
