import torch
A = torch.tensor([[[1.0, 2.0], [3.0, 4.0]], [[0.0, 1.0], [1.0, 0.0]]], requires_grad=True)
B = torch.tensor([[[1.0], [1.0]], [[2.0], [-1.0]]], requires_grad=True)
C = torch.bmm(A, B)
print(C)
(C ** 2).sum().backward()
print(A.grad)
print(B.grad)
print(torch.matmul(A, B).grad_fn.name())
