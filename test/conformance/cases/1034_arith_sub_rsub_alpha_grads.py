import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.sub(x, 1.5, alpha=2)
z = 10 - x
w = torch.add(x, x, alpha=-3)
print(y, z, w)
(y * z + w).sum().backward()
print(x.grad)
