import torch
X = torch.tensor([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0], [1.0, 4.0]])
y = torch.tensor([2.1, 3.9, 6.2, 7.8])
w = torch.zeros(2, requires_grad=True)
losses = []
for i in range(200):
    loss = ((X @ w - y) ** 2).mean()
    losses.append(loss.item())
    loss.backward()
    with torch.no_grad():
        w -= 0.05 * w.grad
        w.grad.zero_()
print(w)
print(round(losses[0], 4), round(losses[-1], 4))
print(f"{w[1].item():.3f}")
print(X.T @ X)
