import torch
M = torch.ones(2, 3)
v = torch.ones(2)
print(M.shape, v.shape)
r = torch.mv(M, v)
