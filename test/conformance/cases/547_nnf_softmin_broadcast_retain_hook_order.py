import torch
import torch.nn.functional as F
a = torch.tensor([1., 2.], requires_grad=True); b = torch.tensor([[1.], [2.], [3.]])
x, y = torch.broadcast_tensors(a, b); print(x.shape, x.grad_fn.name(), y.grad_fn)
s = F.softmin(a, dim=0); print(s, s.grad_fn.name(), s.grad_fn.next_functions[0][0].name())
x, = torch.broadcast_tensors(a); print(x is a, x.grad_fn)
print(torch.ones(2).__repr__())
p = torch.tensor([[0.2, 0.8]])
try:
    F.binary_cross_entropy(p, torch.tensor([[1, 0]]))
except RuntimeError as e:
    print(e)
w = torch.ones(3, requires_grad=True)
try:
    w.grad = torch.zeros(3, dtype=torch.float64)
except RuntimeError as e:
    print(e)
r = w * 2
r.retain_grad()
r.register_hook(lambda g: g * 100)
r.sum().backward()
print(r.grad, w.grad)
class Lin:
    def __init__(self):
        self.w = torch.tensor(1.0, requires_grad=True)
    @torch.no_grad()
    def update(self, lr):
        self.w -= lr * 2
        return self.w.item()
print(Lin().update(0.25))
