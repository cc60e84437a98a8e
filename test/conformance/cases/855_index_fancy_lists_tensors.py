import torch
x = torch.tensor([10.0, 20.0, 30.0, 40.0], requires_grad=True)
idx = torch.tensor([0, 2, 2, 3])
y = x[idx]
print(y)
y.sum().backward()
print(x.grad)
M = torch.arange(12).reshape(3, 4)
print(M[[0, 2]])
print(M[[0, 2], [1, 3]])
print(M[:, [3, 0]])
print(M[torch.tensor([True, False, True])])
print(M[1, [0, 0, 1]])
