import torch
x = torch.tensor(4.0, requires_grad=True)
steps = 0
while True:
    y = (x - 1) ** 2
    y.backward()
    if abs(x.grad.item()) < 1e-3:
        break
    with torch.no_grad():
        x -= 0.2 * x.grad
    x.grad = None
    steps += 1
print(steps, x)
