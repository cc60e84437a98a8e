import torch
x = torch.tensor(2.0, requires_grad=True)
y = torch.exp(x) * x
g, = torch.autograd.grad(y, x)
print(g)
