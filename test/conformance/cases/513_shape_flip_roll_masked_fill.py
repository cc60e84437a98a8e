import torch
x = torch.arange(6.0, requires_grad=True)
f = x.flip(0)
m = x.masked_fill(x < 2, 0.0)
r = x.reshape(2, 3).flip(1)
print(f, m, r, sep='\n')
(f * torch.arange(6.0)).sum().backward()
print(x.grad)
print(torch.roll(torch.arange(5), 2))
