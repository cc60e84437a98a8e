import torch
x = torch.ones(2, 3)
try:
    x.transpose(0, 2)
except IndexError as e:
    print(e)
try:
    x.sum(dim=3)
except IndexError as e:
    print(e)
print(x.unsqueeze(2).shape)
x.unsqueeze(4)
