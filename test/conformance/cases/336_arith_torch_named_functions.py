import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([3.0, 4.0], requires_grad=True)
a = torch.add(x, y, alpha=2)
b = torch.sub(x, y)
c = torch.mul(x, y)
d = torch.div(x, y)
e = torch.pow(x, y)
f = torch.neg(x)
for t in [a, b, c, d, e, f]:
    print(t)
(a + b + c + d + e + f).sum().backward()
print(x.grad)
print(y.grad)
