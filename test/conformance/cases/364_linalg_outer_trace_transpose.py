import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([0.5, -1.0], requires_grad=True)
O = torch.outer(a, b)
print(O)
S = O @ O.T
print(S)
tr = torch.trace(S)
print(tr)
tr.backward()
print(a.grad, b.grad)
