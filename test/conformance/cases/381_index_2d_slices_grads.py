import torch
x = torch.arange(1.0, 13.0).reshape(3, 4).requires_grad_()
a = x[1:, :2]
b = x[:, -1]
c = x[::2, 1]
d = x[-1]
print(a, b, c, d, sep='\n')
(a.sum() + 2 * b.sum() + 3 * c.sum() + d[0]).backward()
print(x.grad)
