import torch
x = torch.tensor(0.5, requires_grad=True)
y = torch.tensor(-1.5, requires_grad=True)
f = (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
f.backward()
print(f)
print(x.grad, y.grad)
print(f.grad_fn.name(), type(f.grad_fn).__name__)
