import torch
def f(x):
    return x ** 4 - 2 * x ** 2 + 0.5 * x
x = torch.tensor(2.0, requires_grad=True)
for i in range(6):
    y = f(x)
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    (h,) = torch.autograd.grad(g, x)
    with torch.no_grad():
        x -= g / h
    print(i, round(x.item(), 6), round(g.item(), 6))
z = torch.tensor(2.0, requires_grad=True)
for i in range(30):
    y = f(z)
    y.backward()
    with torch.no_grad():
        z -= 0.02 * z.grad
    z.grad.zero_()
print(round(z.item(), 4))
