import torch
x = torch.tensor(3.0, requires_grad=True)
def f(x):
    return x ** 2 + 4 * x + 3

y = f(x)
y.backward()
print(y)
print(x.grad)
