import torch
x = torch.tensor([0.25, 1.0, 4.0], requires_grad=True)
parts = [torch.log(x), torch.log2(x), torch.log10(x), torch.exp(x), torch.sqrt(x), torch.rsqrt(x), torch.exp2(x)]
for p in parts:
    print(p)
sum(p.sum() for p in parts).backward()
print(x.grad)
