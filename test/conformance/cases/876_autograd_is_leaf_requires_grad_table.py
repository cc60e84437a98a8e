import torch
a = torch.tensor(1.0)
b = torch.tensor(1.0, requires_grad=True)
c = a * 2
d = b * 2
e = d.detach()
f = b.clone()
g = torch.tensor(2.0) + a
for name, t in [('a', a), ('b', b), ('c', c), ('d', d), ('e', e), ('f', f), ('g', g)]:
    print(name, t.is_leaf, t.requires_grad, type(t.grad_fn).__name__)
