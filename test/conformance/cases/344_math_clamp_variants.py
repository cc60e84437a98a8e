import torch
x = torch.tensor([-3.0, -1.0, 0.0, 1.0, 3.0], requires_grad=True)
a = torch.clamp(x, min=-1.0)
b = torch.clamp(x, max=1.0)
c = x.clamp(-1, 1)
print(a, b, c, sep='\n')
(a + b + c).sum().backward()
print(x.grad)
print(torch.clamp(torch.tensor([1, 5, 9]), 2, 6))
