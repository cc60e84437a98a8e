import torch

def diff(f, x, h=1e-4):
    return (f(x + h) - f(x)) / h

def f(x):
    return x ** 3 - 2 * x

print(diff(f, 2.0))
x = torch.tensor(2.0, requires_grad=True)
y = f(x)
y.backward()
print(x.grad)
print(abs(diff(f, 2.0) - x.grad.item()) < 1e-2)
