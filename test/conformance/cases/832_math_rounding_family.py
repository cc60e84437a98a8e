import torch
x = torch.tensor([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.7, -2.7])
print(torch.round(x))
print(torch.floor(x))
print(torch.ceil(x))
print(torch.trunc(x))
print(torch.frac(x))
print(torch.round(torch.tensor([1.2345, 6.789]), decimals=2))
w = torch.tensor([1.3, 2.6], requires_grad=True)
y = torch.floor(w) + torch.round(w) * w
y.sum().backward()
print(y, w.grad)
