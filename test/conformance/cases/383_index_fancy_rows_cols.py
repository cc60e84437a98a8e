import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
r = x[[0, 2]]
c = x[:, [1, 1, 3]]
print(r)
print(c)
(r.sum() + c.sum()).backward()
print(x.grad)
idx = torch.tensor([2, 0])
print(x[idx, idx])
print(torch.index_select(x, 0, idx))
