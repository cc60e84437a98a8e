import torch
a = torch.tensor([1, 2, 3])
b = torch.tensor([1, 2.0, 3])
c = torch.tensor([True, False])
d = torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)
e = torch.tensor(5)
f = torch.tensor(5.0, dtype=torch.float64)
for t in [a, b, c, d, e, f]:
    print(t.dtype, t.shape, t.dim(), t.numel())
print(torch.tensor([]).dtype, torch.tensor([]).shape)
print(torch.tensor([[]]).shape)
print(a.float(), b.long(), c.int(), d.double())
print(a.to(torch.float32).requires_grad)
print(torch.tensor(3.7).int(), torch.tensor(-3.7).long())
