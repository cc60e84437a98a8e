import torch
x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
y = x.clamp(min=0.0) + x.clamp(max=0.5) * 2
print(y)
y.sum().backward()
print(x.grad)
print(torch.clamp(torch.tensor([1, 5, 9]), 2, 6))
