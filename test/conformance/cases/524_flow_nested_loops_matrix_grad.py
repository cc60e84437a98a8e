import torch
W = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
total = torch.tensor(0.0)
for i in range(2):
    for j in range(2):
        if (i + j) % 2 == 0:
            total = total + W[i, j] ** 2
        else:
            total = total - W[i, j]
print(total)
total.backward()
print(W.grad)
