import torch
x = torch.tensor(2.0, requires_grad=True)
y = torch.tensor(-1.0, requires_grad=True)
lr = 0.1
for i in range(100):
    f = (x - 1) ** 2 + 2 * (y + 0.5) ** 2
    f.backward()
    with torch.no_grad():
        x -= lr * x.grad
        y -= lr * y.grad
    x.grad.zero_()
    y.grad.zero_()
    if i % 25 == 0:
        print(i, f.item())
print(x, y)
