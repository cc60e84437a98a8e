import torch
x = torch.tensor([-1.0, 0.0, 4.0], requires_grad=True)
y = torch.sqrt(x)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
z = torch.log(x)
print(z)
z.sum().backward()
print(x.grad)
x.grad = None
(x / x).sum().backward()
print(x.grad)
print(torch.tensor(0.0) / 0, torch.tensor(1.0) / 0, torch.tensor(-1.0) / 0)
print(torch.isnan(y), torch.isinf(z), torch.isfinite(z))
