import torch
from torchviz import make_dot

def f(a, b):
    return a + b, a * b, a - b

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
p, q, r = f(a, b)
out = (p * q / (r ** 2 + 1)).mean()
make_dot(out, params=dict(a=a, b=b))
out.backward()
print(out, a.grad, b.grad)
