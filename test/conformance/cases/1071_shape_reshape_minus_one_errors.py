import torch
x = torch.arange(12)
print(x.reshape(-1, 4).shape, x.view(2, -1, 3).shape)
print(x.reshape(5, -1))
