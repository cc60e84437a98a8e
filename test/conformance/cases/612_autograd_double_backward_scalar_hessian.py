import torch
x = torch.tensor(0.8, requires_grad=True)
f = torch.exp(x) * x ** 3 - 2.5 * torch.sin(x) * x
d1, = torch.autograd.grad(f, x, create_graph=True)
d2, = torch.autograd.grad(d1, x, create_graph=True)
print(d1, d2)
d2.backward()
print(x.grad)
