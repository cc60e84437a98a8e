import torch
a = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
xs = torch.tensor([0.0, 1.0, 2.0, 3.0])
ys = torch.tensor([1.0, 3.0, 5.0, 7.0])
hist = []
for epoch in range(300):
    loss = ((a * xs + b - ys) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        a -= 0.05 * a.grad
        b -= 0.05 * b.grad
    a.grad.zero_()
    b.grad.zero_()
    hist.append((epoch, round(loss.item(), 5)))
print(hist[:3], hist[-1])
print(f"a={a.item():.3f} b={b.item():.3f}")
print(a, b)
