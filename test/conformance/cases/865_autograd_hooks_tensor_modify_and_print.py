import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
seen = []
def hook(g):
    seen.append(g.clone())
    return g * 10
h = x.register_hook(hook)
y = (x ** 2).sum()
y.backward()
print(x.grad, seen)
h.remove()
x.grad = None
(x ** 2).sum().backward()
print(x.grad, len(seen))
z = x * 2
z.register_hook(lambda g: print("z grad:", g))
z.sum().backward()
print(x.grad)
r = x * 2
r.retain_grad()
r.register_hook(lambda g: g * 100)
x.grad = None
r.sum().backward()
print(r.grad, x.grad)
