import torch
names = ['x', 'y', 'z']
vals = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = (vals ** 2).sum()
out.backward()
rows = list(zip(names, vals.tolist(), vals.grad.tolist()))
for n, v, g in rows:
    print(f"{n}: {v:4.1f} -> {g:5.2f}")
first, *rest = rows
print(first, len(rest))
print(dict((n, g) for n, _, g in rows))
