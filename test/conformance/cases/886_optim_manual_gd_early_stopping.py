import torch
x = torch.tensor([4.0, -4.0], requires_grad=True)
lr = 0.2
prev = float('inf')
for step in range(1000):
    loss = (x ** 2).sum() + x.prod()
    if prev - loss.item() < 1e-6:
        print("stopped at step", step)
        break
    prev = loss.item()
    loss.backward()
    with torch.no_grad():
        x -= lr * x.grad
    x.grad = None
print(x, round(prev, 6))
