import torch
w = torch.tensor([0.5, -0.5], requires_grad=True)
h = torch.sigmoid(w).sum()
h.backward()
print(w.grad)
h.backward()
