import torch
x = torch.arange(16).reshape(2, 2, 2, 2)
print(x)
print(x.float() / 4)
print(x.shape, x[1, 0].shape)
