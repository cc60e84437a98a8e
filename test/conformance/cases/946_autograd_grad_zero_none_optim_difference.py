import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
(a * 3).sum().backward()
g = a.grad
a.grad.zero_()
print(g, a.grad is g)
(a * 2).sum().backward()
print(g)
a.grad = None
(a * 5).sum().backward()
print(g, a.grad)
