import torch
x = torch.tensor([0.001, 0.5, 2.0], requires_grad=True)
a = torch.log1p(x)
b = torch.expm1(x)
c = torch.maximum(x, torch.tensor(0.6))
d = torch.minimum(x, torch.tensor([1.0, 0.1, 2.0]))
print(a, b, c, d, sep='\n')
(a + b + c + d).sum().backward()
print(x.grad)
