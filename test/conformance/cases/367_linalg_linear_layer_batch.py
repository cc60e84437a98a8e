import torch
X = torch.tensor([[1.0, 0.0, 2.0], [0.5, 1.0, -1.0]])
W = torch.tensor([[0.2, -0.1, 0.4], [0.0, 0.3, -0.2]], requires_grad=True)
b = torch.tensor([0.1, -0.1], requires_grad=True)
out = X @ W.t() + b
print(out)
h = torch.relu(out)
loss = h.sum()
loss.backward()
print(W.grad)
print(b.grad)
