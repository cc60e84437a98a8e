import torch
x = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
for name in ['abs', 'relu', 'sign', 'sigmoid']:
    x.grad = None
    y = getattr(torch, name)(x)
    y.sum().backward()
    print(name, y, x.grad)
x.grad = None
torch.clamp(x, min=0.0).sum().backward()
print('clamp', x.grad)
x.grad = None
torch.maximum(x, torch.zeros(3)).sum().backward()
print('maximum', x.grad)
