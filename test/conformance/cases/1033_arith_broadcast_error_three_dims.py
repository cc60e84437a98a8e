import torch
a = torch.ones(2, 3, 4)
b = torch.ones(3, 1)
print((a + b).shape)
c = torch.ones(2, 4)
print((a * c).shape)
