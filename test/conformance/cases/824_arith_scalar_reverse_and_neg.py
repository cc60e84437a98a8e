import torch
x = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
y = 1 - x
z = 2 / x
w = 3 ** x
v = -x
u = 10 - 2 * x / 4
total = (y + z + w + v + u).sum()
print(y, z, w, v, u, sep='\n')
total.backward()
print(x.grad)
