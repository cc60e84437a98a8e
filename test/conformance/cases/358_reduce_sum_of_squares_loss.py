import torch
pred = torch.tensor([[0.2, 0.8], [0.6, 0.4], [0.9, 0.1]], requires_grad=True)
target = torch.tensor([[0.0, 1.0], [1.0, 0.0], [1.0, 0.0]])
per_row = ((pred - target) ** 2).sum(dim=1)
loss = per_row.mean()
print(per_row)
print(loss)
loss.backward()
print(pred.grad)
