import torch
x = torch.tensor([0.0, 4.0, -1.0], requires_grad=True)
y = torch.sqrt(x.abs())
print(y)
y.sum().backward()
print(x.grad)
