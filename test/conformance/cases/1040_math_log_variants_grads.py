import torch
x = torch.tensor([0.5, 1.0, 4.0], requires_grad=True)
parts = [torch.log2(x), torch.log10(x), torch.log(x), torch.rsqrt(x), torch.square(x)]
for p in parts:
    print(p)
s = sum(p.sum() for p in parts)
s.backward()
print(s)
print(x.grad)
