import torch
x = torch.tensor([[0.5, 1.5, -0.7], [0.3, -1.1, 0.8]], requires_grad=True)
w = torch.tensor([[1.0, -2.0, 0.5], [0.2, 0.4, -1.0]])
y = (torch.softmax(x, dim=1) * w).sum() + (torch.log_softmax(x, dim=0) * w).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
(g * g).sum().backward()
print(g)
print(x.grad)
