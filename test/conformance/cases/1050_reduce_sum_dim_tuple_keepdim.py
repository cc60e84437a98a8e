import torch
x = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
s = x.sum(dim=(0, 2), keepdim=True)
print(s, s.shape)
m = x.mean(dim=(1, 2))
print(m)
(s.sum() + m.sum()).backward()
print(x.grad[0])
