import torch
x = torch.tensor([0.25, 0.5, 0.75], requires_grad=True)
fs = [torch.asin, torch.acos, torch.atan, torch.erf, torch.erfinv, torch.exp2, torch.sinc, torch.logit]
for f in fs:
    x.grad = None
    y = f(x)
    y.sum().backward()
    print(f.__name__, y.detach(), x.grad)
print(torch.hypot(torch.tensor([3.0]), torch.tensor([4.0])), torch.atan2(torch.tensor([1.0]), torch.tensor([-1.0])))
