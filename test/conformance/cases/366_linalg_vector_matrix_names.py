import torch
v = torch.tensor([1.0, 2.0], requires_grad=True)
M = torch.tensor([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]], requires_grad=True)
r = v @ M
print(r, r.grad_fn.name())
s = M.T @ v
print(s, s.grad_fn.name())
q = v @ v
print(q, q.grad_fn.name())
r.sum().backward()
print(v.grad)
print(M.grad)
