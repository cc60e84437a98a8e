import torch
p = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
d = p.detach()
d[0] = 10.0
print(p)
q = p * 2
q.sum().backward()
print(p.grad)
e = p.detach().clone()
e += 1
print(p, e)
print(d.requires_grad, e.is_leaf)
