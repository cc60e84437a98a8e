import torch
a = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
b = a * 1
b[1:3] = torch.tensor([0.0, 0.0])
b[0] = b[0] * 5
print(b)
print(b.grad_fn.name())
(b * b).sum().backward()
print(a.grad)
