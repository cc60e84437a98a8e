import torch
x = torch.tensor(1.0, requires_grad=True)
z = torch.tensor(2.0)
y = x * z
print(torch.autograd.grad(y, x, retain_graph=True))
torch.autograd.grad(y, z)
