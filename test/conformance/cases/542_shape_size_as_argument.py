import torch

y = torch.ones(2, 3)
s = y.shape
a = torch.arange(6.).reshape(s)
b = torch.zeros(s) + torch.ones(y.size()) * 2
c = a.view(s).expand(s) + torch.full(s, 0.5)
d = torch.randn(s).shape
print(a, b, c, d, sep='\n')
print(a.view(*s).shape, a.reshape(-1, s[1]).shape, s + (4,), s[1:], s.numel(), len(s), s == (2, 3), tuple(s), list(s))
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z = (w.expand(s) * a).sum()
z.backward()
print(z, w.grad)
