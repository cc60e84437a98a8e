import torch
def batches(xs, ys, size):
    for i in range(0, len(xs), size):
        yield xs[i:i + size], ys[i:i + size]
xs = torch.arange(10.0)
ys = 2 * xs + 1
w = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
for epoch in range(3):
    for bx, by in batches(xs, ys, 4):
        loss = ((w * bx + b - by) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= 0.01 * w.grad
            b -= 0.01 * b.grad
        w.grad.zero_(); b.grad.zero_()
    print(epoch, f"{w.item():.4f} {b.item():.4f} {loss.item():.4f}")
