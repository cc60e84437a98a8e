import torch
from torchviz import make_dot
w = torch.tensor([2.0, 1.0], requires_grad=True)
u = torch.tensor([0.5, 0.5], requires_grad=True)
with torch.no_grad():
    scale = w.norm()
y = (w / scale + u.detach() * w).sum() + u.sum()
y.backward()
print(w.grad, u.grad)
make_dot(y, params={'w': w, 'u': u})
