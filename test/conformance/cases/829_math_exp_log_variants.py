import torch
x = torch.tensor([0.5, 1.0, 4.0], requires_grad=True)
ys = [torch.exp(x), torch.log(x), torch.log2(x), torch.log10(x), torch.sqrt(x), torch.rsqrt(x), torch.reciprocal(x), torch.expm1(x), torch.log1p(x)]
for y in ys:
    print(y)
total = sum(y.sum() for y in ys)
total.backward()
print(total)
print(x.grad)
