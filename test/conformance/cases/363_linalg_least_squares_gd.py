import torch
A = torch.tensor([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
b = torch.tensor([1.0, 2.0, 2.0])
w = torch.zeros(2, requires_grad=True)
for step in range(200):
    r = A @ w - b
    loss = (r ** 2).sum()
    loss.backward()
    with torch.no_grad():
        w -= 0.05 * w.grad
    w.grad.zero_()
print(w)
print(loss)
