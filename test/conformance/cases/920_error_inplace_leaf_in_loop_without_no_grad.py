import torch
x = torch.tensor(5.0, requires_grad=True)
for i in range(3):
    y = x ** 2
    y.backward()
    print(i, x.grad)
    x -= 0.1 * x.grad
