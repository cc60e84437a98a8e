import torch

x = torch.tensor(1.0, requires_grad=True)
lr = 0.01

def f(x):
    return x ** 2 + torch.exp(-x)

for i in range(301):
    y = f(x)
    y.backward()
    with torch.no_grad():
        x -= lr * x.grad
    x.grad.zero_()
    if i % 50 == 0:
        print('x_', i, '=', x)
print(x.item(), y.item())
