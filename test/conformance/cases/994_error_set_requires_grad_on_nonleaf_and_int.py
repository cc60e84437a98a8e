import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.requires_grad_(True)
print(y.requires_grad)
try:
    y.requires_grad = False
except RuntimeError as e:
    print(e)
i = torch.arange(3)
i.requires_grad_()
