import torch
x = torch.zeros(1, 3, 1, 2)
print(x.squeeze().shape, x.squeeze(0).shape, x.squeeze(1).shape, x.squeeze(-2).shape)
print(x.unsqueeze(-1).shape, x.unsqueeze(2).shape)
print(torch.flatten(x, start_dim=1).shape, x.flatten(0, 2).shape)
print(x.unsqueeze(5))
