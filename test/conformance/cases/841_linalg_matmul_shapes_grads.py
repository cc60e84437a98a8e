import torch
A = torch.arange(6, dtype=torch.float32).reshape(2, 3).requires_grad_()
B = torch.arange(12, dtype=torch.float32).reshape(3, 4).requires_grad_()
v = torch.tensor([1.0, -1.0, 2.0], requires_grad=True)
C = A @ B
print(C, C.shape)
u = A @ v
print(u)
w = v @ B
print(w)
(C.sum() + u.sum() + w.sum()).backward()
print(A.grad)
print(B.grad)
print(v.grad)
