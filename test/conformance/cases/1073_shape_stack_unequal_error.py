import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
s = torch.stack([a, b, a * b], dim=1)
print(s)
s.sum().backward()
print(a.grad, b.grad)
print(torch.stack([a, torch.tensor([1.0, 2.0, 3.0])]))
