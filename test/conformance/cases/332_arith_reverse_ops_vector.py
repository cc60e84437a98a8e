import torch
x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
a = 1 - x
b = 2 / x
c = 2 ** x
d = 10 + x
e = 3 * x
print(a, b, c, d, e, sep='\n')
(a + b + c + d + e).sum().backward()
print(x.grad)
