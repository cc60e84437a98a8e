import torch
w = torch.zeros(3, requires_grad=True)
v = w[1:]
print(v.is_leaf, v.grad_fn.name())
v += 1
