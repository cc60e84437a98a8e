import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
x.register_hook(lambda g: None)
x.register_hook(lambda g: g + 1)
x.register_hook(lambda g: g * 2)
(x * 3).sum().backward()
print(x.grad)
y = x * 1
y.register_hook(lambda g: g.clamp(max=0.5))
(y ** 2).sum().backward()
print(x.grad)
