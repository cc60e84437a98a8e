import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.stack([x[0] * x[1], x[1] ** 2, torch.sin(x[2]) * x[0]])
rows = []
for i in range(3):
    (g,) = torch.autograd.grad(y[i], x, retain_graph=True)
    rows.append(g)
J = torch.stack(rows)
print(J)
v = torch.tensor([1.0, 1.0, 1.0])
y.backward(v)
print(x.grad)
print(torch.allclose(x.grad, v @ J))
