import torch
torch.manual_seed(0)
X = torch.randn(4, 3)
W1 = torch.randn(3, 5, requires_grad=True)
b1 = torch.zeros(5, requires_grad=True)
W2 = torch.randn(5, 1, requires_grad=True)
h = torch.tanh(X @ W1 + b1)
out = h @ W2
loss = out.pow(2).mean()
loss.backward()
print(out)
print(loss)
print(b1.grad)
print(W2.grad.T)
