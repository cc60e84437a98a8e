import torch
x = torch.tensor(2.0, requires_grad=True)
y = x ** 4 - 3 * x ** 2 + x
derivs = []
f = y
for k in range(5):
    (f,) = torch.autograd.grad(f, x, create_graph=True)
    derivs.append(f)
    print(k + 1, f)
print([d.item() for d in derivs])
