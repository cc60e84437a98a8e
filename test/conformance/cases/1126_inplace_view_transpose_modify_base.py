import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x * 1
t = y.t()
t[0, 1] = 100.0
print(y)
print(y.grad_fn.name(), t.grad_fn.name())
y.sum().backward()
print(x.grad)
