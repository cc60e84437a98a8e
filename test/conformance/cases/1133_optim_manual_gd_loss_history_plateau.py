import torch
x = torch.tensor([0.0, 1.0, 2.0, 3.0])
y = torch.tensor([1.0, 3.1, 4.9, 7.2])
a = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
history = []
lr = 0.05
for step in range(200):
    loss = ((a * x + b - y) ** 2).mean()
    history.append(loss.item())
    loss.backward()
    with torch.no_grad():
        a -= lr * a.grad
        b -= lr * b.grad
        a.grad = None
        b.grad = None
    if step > 0 and abs(history[-2] - history[-1]) < 1e-5:
        print('plateau at', step)
        break
print(len(history), round(history[0], 4), round(history[-1], 4))
print(a, b)
