import torch
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3 - x
y.backward(create_graph=True)
g = x.grad
print(g, g.requires_grad)
print(type(g.grad_fn).__name__)
x.grad = None
g.backward()
print(x.grad)
