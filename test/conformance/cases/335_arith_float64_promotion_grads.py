import torch
x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
w = torch.tensor([0.5, 0.25], requires_grad=True)
y = x * w
print(y, y.dtype)
y.sum().backward()
print(x.grad, w.grad)
print(x.grad.dtype, w.grad.dtype)
print((torch.tensor([1, 2]) * 0.5).dtype, (torch.tensor([1, 2]) + torch.tensor(1.5, dtype=torch.float64)).dtype)
print(torch.tensor([1.0]) + 1e-9)
