import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor(4.0, requires_grad=True)
c = a.clone()
c[1] = b * 2
d = c.exp().sum()
d.backward()
print(a.grad, b.grad)
