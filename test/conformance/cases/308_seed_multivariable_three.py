import torch
x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(-2.0, requires_grad=True)
w = torch.tensor(0.5, requires_grad=True)
z = x * y * w + y ** 2 - 3 * w
z.backward()
print(z)
print(x.grad, y.grad, w.grad)
