import torch
x = torch.tensor([0.25, 1.0, 2.5], requires_grad=True)
y = torch.erf(x) + torch.sigmoid(x)
print(y)
y.sum().backward()
print(x.grad)
print(torch.erfc(x.detach()), torch.sinc(x.detach()))
