import torch
x = torch.ones(2, 3, 4)
print(x.size(), x.size(1), x.size(-1), x.shape[0], len(x))
print(x.numel(), x.dim(), x.ndim)
n, c, w = x.shape
print(n, c, w)
print(type(x.shape).__name__, tuple(x.shape), list(x.shape))
print(x.shape == (2, 3, 4), x.shape == torch.Size([2, 3, 4]))
print(torch.Size([3, 4]))
for i, row in enumerate(x[0]):
    print(i, row.shape)
