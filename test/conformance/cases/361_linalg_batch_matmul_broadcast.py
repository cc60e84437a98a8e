import torch
A = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()
B = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, -0.5]], requires_grad=True)
C = A @ B
print(C)
print(C.shape, C.grad_fn.name())
C.sum().backward()
print(B.grad)
print(A.grad[0])
