import torch
def power(x, n):
    if n == 0:
        return torch.ones_like(x)
    if n % 2 == 0:
        half = power(x, n // 2)
        return half * half
    return x * power(x, n - 1)
x = torch.tensor([1.1, 0.9], requires_grad=True)
y = power(x, 11)
y.sum().backward()
print(y)
print(x.grad)
print(11 * x.detach() ** 10)
