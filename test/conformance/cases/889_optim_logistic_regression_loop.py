import torch
import torch.nn.functional as F
X = torch.tensor([[0.0, 1.0], [1.0, 1.0], [2.0, 0.0], [3.0, 1.0], [-1.0, 0.0]])
y = torch.tensor([0.0, 0.0, 1.0, 1.0, 0.0])
w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for it in range(101):
    p = torch.sigmoid(X @ w + b)
    loss = F.binary_cross_entropy(p, y)
    loss.backward()
    with torch.no_grad():
        w -= 1.0 * w.grad
        b -= 1.0 * b.grad
        w.grad.zero_(); b.grad.zero_()
    if it % 25 == 0:
        print(it, f"{loss.item():.4f}")
print(w, b)
print((torch.sigmoid(X @ w + b) > 0.5).int())
