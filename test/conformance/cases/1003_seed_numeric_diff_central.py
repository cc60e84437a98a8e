import torch
def g(x):
    return torch.exp(-x) * torch.cos(2 * x)
def numeric(f, x, h=1e-4):
    return (f(x + h) - f(x - h)) / (2 * h)
x = torch.tensor(0.7, dtype=torch.float64, requires_grad=True)
g(x).backward()
num = numeric(g, x.detach())
print(x.grad)
print(num)
print(abs(x.grad - num) < 1e-6)
