import torch
x = torch.arange(20.0).reshape(4, 5).requires_grad_()
a = x[1:, ::2]
b = x[-1]
c = x[:, -2:]
print(a, b, c, sep='\n')
(a.sum() + 2 * b.sum() + 3 * c.sum()).backward()
print(x.grad)
