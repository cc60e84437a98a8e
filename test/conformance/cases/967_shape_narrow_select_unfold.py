import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
n = x.narrow(1, 1, 2)
s = x.select(0, 2)
print(n, s)
(n.sum() + s.sum() * 2).backward()
print(x.grad)
print(torch.meshgrid(torch.arange(2), torch.arange(3), indexing='ij'))
