import torch
x = torch.tensor(3.0, requires_grad=True)
(x * x).backward()
print(x.grad)
x.grad.zero_()
print(x.grad)
(x * 2).backward()
print(x.grad)
x.grad = None
print(x.grad)
(x + x).backward()
print(x.grad)
with torch.no_grad():
    x.add_(1)
print(x, x.is_leaf)
