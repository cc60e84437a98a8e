import torch
w = torch.tensor([0.0, 0.0], dtype=torch.float64, requires_grad=True)
target = torch.tensor([1.0, -1.0], dtype=torch.float64)
for i in range(30):
    loss = ((w - target) ** 2).sum()
    loss.backward()
    w.data -= 0.1 * w.grad.data
    w.grad.data.zero_()
print(w)
print(loss.item())
