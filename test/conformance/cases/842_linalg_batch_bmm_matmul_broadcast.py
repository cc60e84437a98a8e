import torch
torch.manual_seed(1)
X = torch.randn(3, 2, 4)
W = torch.randn(4, 5, requires_grad=True)
Y = X @ W
print(Y.shape, Y.grad_fn.name())
Z = torch.bmm(X, W.expand(3, 4, 5))
print(torch.allclose(Y, Z))
Y.pow(2).mean().backward()
print(W.grad.shape)
print(W.grad)
print(torch.matmul(torch.ones(2, 1, 3), torch.ones(4, 1, 3, 2)).shape)
