import torch
x = torch.zeros(2, 3, 4)
with torch.no_grad():
    x[..., 0] = 1
    x[0, :, None, 1:3] = torch.tensor([[[5.0, 6.0]]])
print(x)
print(x[None, ..., -1].shape)
