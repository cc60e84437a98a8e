import torch
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(-1.0, requires_grad=True)
f = a * b
g = a + b ** 2
ga, = torch.autograd.grad([f, g], [a])
print(ga)
v = torch.tensor([1.0, 2.0], requires_grad=True)
w = v ** 2
gv, = torch.autograd.grad(w, v, grad_outputs=torch.ones(2))
print(gv, v.grad)
h = torch.autograd.grad((a * b).sum(), (a, b))
print(h)
