import torch
x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
y = torch.stack([x[0] * x[1], x[1] ** 2, torch.sin(x[2])])
rows = []
for i in range(3):
    e = torch.zeros(3)
    e[i] = 1.0
    g, = torch.autograd.grad(y, x, grad_outputs=e, retain_graph=True)
    rows.append(g)
J = torch.stack(rows)
print(J)
print(torch.autograd.grad(y, x, grad_outputs=torch.ones(3))[0])
