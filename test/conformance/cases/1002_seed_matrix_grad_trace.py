import torch
W = torch.tensor([[1.0, -2.0], [0.5, 3.0]], requires_grad=True)
v = torch.tensor([1.0, 2.0])
z = (W @ v).pow(2).sum() + torch.trace(W)
z.backward()
print(z)
print(W.grad)
print(W.grad.shape, W.grad.dtype)
