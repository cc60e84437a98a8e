import torch
x = torch.tensor([0.5, 1.5, -0.7], requires_grad=True)
y = torch.sigmoid(x).sum() + torch.tanh(2 * x).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
h = g.sum()
h.backward()
print(g)
print(x.grad)
