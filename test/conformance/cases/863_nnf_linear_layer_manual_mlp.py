import torch
import torch.nn.functional as F
torch.manual_seed(0)
X = torch.randn(4, 3)
y = torch.tensor([0, 1, 1, 0])
W1 = torch.randn(3, 5, requires_grad=True)
b1 = torch.zeros(5, requires_grad=True)
W2 = torch.randn(5, 2, requires_grad=True)
h = F.relu(X @ W1 + b1)
logits = h @ W2
loss = F.cross_entropy(logits, y)
print(logits)
print(loss)
loss.backward()
print(b1.grad)
print(W2.grad.shape, W1.grad.abs().sum() > 0)
print(F.linear(X, W1.t(), b1).shape)
