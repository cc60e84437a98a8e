import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(x[0])
x[0].mul_(2)
print(x)
