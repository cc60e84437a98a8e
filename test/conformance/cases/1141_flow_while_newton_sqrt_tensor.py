import torch
target = torch.tensor(10.0)
x = torch.tensor(1.0, requires_grad=True)
it = 0
while True:
    f = x * x - target
    if f.abs() < 1e-6 or it >= 20:
        break
    g, = torch.autograd.grad(f, x)
    with torch.no_grad():
        x -= f / g
    it += 1
print(it, x, x.item() ** 2)
