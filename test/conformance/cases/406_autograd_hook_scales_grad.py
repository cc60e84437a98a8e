import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
h = x * 2
h.register_hook(lambda g: g * 0.5)
out = (h ** 2).sum()
out.backward()
print(x.grad)
seen = []
y = torch.tensor(2.0, requires_grad=True)
y.register_hook(lambda g: seen.append(g.item()))
(y ** 3).backward()
print(seen, y.grad)
