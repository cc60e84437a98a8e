import torch
a = torch.tensor([3.14159, 0.1, 1000.7, 70000.0], dtype=torch.float16)
print(a, a.tolist(), a[1].item())
b = torch.tensor([0.1, 0.2, 0.3]).half()
print(b, b.tolist(), (b + b).tolist(), (b * 3).tolist(), b.sum(), b.mean().item(), b.float().tolist(), torch.ones(3, dtype=torch.float16) / 3)
c = torch.tensor([1.0, 2.0], dtype=torch.float16, requires_grad=True)
d = (c * 0.1).sum(); d.backward(); print(d, c.grad)
print(torch.full((2,), 0.1, dtype=torch.float16).tolist(), torch.zeros(2, dtype=torch.float16) + 0.1, torch.arange(0, 1, 0.3, dtype=torch.float16))
