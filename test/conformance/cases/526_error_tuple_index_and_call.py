import torch
shape = torch.zeros(2, 3).shape
print(shape[1])
values = (1, 2)
values[0] = 5
