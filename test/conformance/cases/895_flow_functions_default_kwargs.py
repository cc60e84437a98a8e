import torch
def loss(pred, target, reduction='mean', *, scale=1.0):
    d = (pred - target) ** 2 * scale
    if reduction == 'mean':
        return d.mean()
    elif reduction == 'sum':
        return d.sum()
    return d
p = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
t = torch.tensor([1.5, 2.0, 2.0])
print(loss(p, t))
print(loss(p, t, 'sum'))
print(loss(p, t, reduction='none', scale=2))
def many(*args, **kwargs):
    return len(args), sorted(kwargs)
print(many(1, 2, a=3, b=4))
loss(p, t, scale=0.5).backward()
print(p.grad)
