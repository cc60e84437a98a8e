import torch
x = torch.tensor([[3.0, -4.0], [1.0, 2.0]], requires_grad=True)
print(x.norm(), x.norm(p=1), x.norm(dim=1))
print(torch.norm(x, p=float('inf')))
n = x.norm(dim=0).sum()
n.backward()
print(x.grad)
