import torch
xs = [torch.tensor(v, requires_grad=True) for v in [0.5, -1.0, 2.0]]
sq = list(map(lambda t: t ** 2, xs))
pos = list(filter(lambda t: t.item() > 0, xs))
print(sq)
print(len(pos), max(xs, key=lambda t: t.item()))
loss = sum(sq)
loss.backward()
print([t.grad for t in xs])
