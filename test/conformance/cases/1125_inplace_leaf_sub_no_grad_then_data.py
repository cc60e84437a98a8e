import torch
p = torch.tensor([4.0, -2.0], requires_grad=True)
with torch.no_grad():
    p.sub_(torch.tensor([1.0, 1.0]))
    p.mul_(0.5)
print(p, p.is_leaf, p.grad_fn)
p.data.add_(10)
print(p)
print(p._version)
try:
    p.div_(2)
except RuntimeError as e:
    print(e)
