import torch
x = torch.tensor([-1.0, 0.0, 0.5, 2.0], requires_grad=True)
fs = [torch.sin, torch.cos, torch.tan, torch.sinh, torch.cosh, torch.tanh, torch.atan]
for f in fs:
    x.grad = None
    y = f(x)
    y.sum().backward()
    print(f.__name__, y.grad_fn.name(), x.grad)
