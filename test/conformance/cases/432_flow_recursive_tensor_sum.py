import torch

def poly(x, coeffs):
    if not coeffs:
        return torch.zeros_like(x)
    return coeffs[0] + x * poly(x, coeffs[1:])

x = torch.tensor(2.0, requires_grad=True)
p = poly(x, [1.0, -3.0, 0.5, 2.0])
p.backward()
print(p, x.grad)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), [fact(i) for i in range(6)])
