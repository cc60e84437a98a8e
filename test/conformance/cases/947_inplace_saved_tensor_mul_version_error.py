import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.sigmoid()
c = b * 2
d = c.sum()
b.mul_(3)
print(b)
d.backward()
