import torch
x = torch.tensor(1.0, requires_grad=True)
with torch.no_grad():
    a = x * 2
    with torch.enable_grad():
        b = x * 2
    c = x * 2
print(a.requires_grad, b.requires_grad, c.requires_grad)
torch.set_grad_enabled(False)
d = x * 2
torch.set_grad_enabled(True)
e = x * 2
print(d.requires_grad, e.requires_grad, torch.is_grad_enabled())
with torch.set_grad_enabled(False):
    f = x + 1
print(f.requires_grad)
@torch.no_grad()
def g(t):
    return t * 3
print(g(x).requires_grad)
with torch.inference_mode():
    h = x * 5
print(h.requires_grad)
