import torch
x = torch.tensor(5.0, requires_grad=True)
v = torch.tensor(0.0)
lr, beta = 0.05, 0.9
for i in range(60):
    loss = x ** 2
    loss.backward()
    with torch.no_grad():
        v = beta * v + x.grad
        x -= lr * v
    x.grad.zero_()
    if i % 20 == 0:
        print(i, round(loss.item(), 5))
print(x, v)
