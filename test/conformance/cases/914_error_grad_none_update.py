import torch
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
loss = (w * 2 - 1) ** 2
loss.backward()
with torch.no_grad():
    w -= 0.1 * w.grad
    b -= 0.1 * b.grad
