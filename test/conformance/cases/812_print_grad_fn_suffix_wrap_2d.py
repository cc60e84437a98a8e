import torch
w = torch.linspace(-2, 2, 16).reshape(4, 4).requires_grad_(True)
h = torch.tanh(w @ w)
print(h)
print(h.mean(dim=0))
print(h[1:3, ::2])
print(w.t())
print(w.reshape(2, 8))
