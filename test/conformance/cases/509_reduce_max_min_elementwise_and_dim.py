import torch
a = torch.tensor([1.0, 5.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 2.0, 3.0], requires_grad=True)
m = torch.max(a, b)
n = torch.min(a, b)
print(m, n)
(m.sum() + 2 * n.sum()).backward()
print(a.grad, b.grad)
print(torch.max(torch.tensor([[1, 5], [7, 2]]), dim=0))
