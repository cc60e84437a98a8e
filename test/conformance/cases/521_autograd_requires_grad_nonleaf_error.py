import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x.exp()
print(h.is_leaf)
h.requires_grad_(False)
