import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, -5.0, 6.0])
d = torch.dot(a, b)
d.backward()
print(d, a.grad)
print(torch.inner(a, b), torch.vdot(a.detach(), b))
print(torch.dot(a, torch.tensor([1.0, 2.0])))
