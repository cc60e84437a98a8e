import torch
x = torch.tensor(1.0, requires_grad=True)
lr = 0.3
history = []
for step in range(8):
    y = torch.sin(x) + 0.1 * x ** 2
    y.backward()
    with torch.no_grad():
        x -= lr * x.grad
    history.append(round(y.item(), 4))
    x.grad.zero_()
print(history)
print(x)
print(x.grad)
