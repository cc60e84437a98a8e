import torch
a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0], requires_grad=True)
c = a + 1
d = c * b
print(c.requires_grad, d.requires_grad, d.is_leaf, c.is_leaf)
e = d.sum()
e.backward()
print(b.grad, a.grad)
with torch.no_grad():
    f = b * 2
print(f.requires_grad, f.grad_fn)
print(torch.is_grad_enabled())
