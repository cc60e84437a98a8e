import torch
x = torch.tensor([1.2345, -2.5, 3.5], requires_grad=True)
y = torch.round(x, decimals=2); print(y, x.round(decimals=1), torch.round(torch.tensor([2.5, 3.5, -0.5])), torch.round(torch.tensor([1234.5678]), decimals=-2))
y.sum().backward(); print(x.grad)
a = torch.tensor([1., 2.]); b = torch.tensor([3., 4.])
print(torch.hstack([a, b]), torch.vstack([a, b]), torch.dstack([a, b]).shape, torch.column_stack([a, b]), torch.row_stack([a, b]))
print(torch.hstack([a.view(2,1), b.view(2,1)]), torch.atleast_2d(torch.tensor(3.)), torch.atleast_1d((a, b)))
with torch.inference_mode():
    z = a * 2
    print(torch.is_inference_mode_enabled())
print(z, z.requires_grad, torch.is_inference_mode_enabled())
t = torch.tensor([True, False]); t.logical_not_(); print(t); t.logical_or_(torch.tensor([False, False])); print(t)
w = torch.ones(2, requires_grad=True)
h = torch.hstack([w, torch.zeros(1)]); print(h)
v = torch.vstack([w, w * 2]); print(v); v.sum().backward(); print(w.grad)
c = torch.column_stack([torch.tensor(1., requires_grad=True), torch.tensor(2.)]); print(c)
@torch.inference_mode()
def f(q): return q * 3
print(f(w))
