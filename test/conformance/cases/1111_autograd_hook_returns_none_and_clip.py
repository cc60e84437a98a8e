import torch
w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
seen = []
def record(g):
    seen.append(g.clone())
def clip(g):
    return g.clamp(-1.0, 1.0)
h1 = w.register_hook(record)
h2 = w.register_hook(clip)
loss = (w ** 2).sum()
loss.backward()
print(w.grad)
print(seen)
h2.remove()
w.grad = None
(w ** 2).sum().backward()
print(w.grad, len(seen))
