import torch

def f(x):
    return (x - 3) ** 2 + 1

x = torch.tensor(0.0, requires_grad=True)
lr = 0.1
history = []
for step in range(25):
    y = f(x)
    y.backward()
    with torch.no_grad():
        x -= lr * x.grad
    x.grad.zero_()
    history.append(y.item())
    if step % 5 == 0:
        print(f"step {step:2d}: x = {x.item():.5f}, f = {y.item():.5f}")
print("final", x)
print(len(history), round(history[-1], 6))
