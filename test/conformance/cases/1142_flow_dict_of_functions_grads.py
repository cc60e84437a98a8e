import torch
fns = {
    'square': lambda t: t ** 2,
    'cube': lambda t: t ** 3,
    'exp': torch.exp,
    'sigmoid': torch.sigmoid,
}
for name in sorted(fns):
    x = torch.tensor(0.5, requires_grad=True)
    y = fns[name](x)
    y.backward()
    print(f"{name:>8}: f={y.item():.4f} f'={x.grad.item():.4f} {type(y.grad_fn).__name__}")
