import torch
a = torch.ones(2, requires_grad=True)
def step(train):
    with torch.set_grad_enabled(train):
        out = a * 4
    return out
o1 = step(True)
o2 = step(False)
print(o1.requires_grad, o2.requires_grad, torch.is_grad_enabled())
torch.set_grad_enabled(False)
o3 = a + 1
print(o3.requires_grad, o3.grad_fn)
torch.set_grad_enabled(True)
with torch.no_grad():
    with torch.enable_grad():
        o4 = a * a
print(o4.grad_fn.name())
@torch.enable_grad()
def g(t):
    return t * 2
with torch.no_grad():
    print(g(a).requires_grad)
