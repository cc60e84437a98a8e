import torch
x = torch.tensor([-1.0, 2.0, -3.0, 4.0], requires_grad=True)
y = x.clone()
y[y < 0] = 0.0
print(y)
y.sum().backward()
print(x.grad)
print(y.grad_fn.name())
