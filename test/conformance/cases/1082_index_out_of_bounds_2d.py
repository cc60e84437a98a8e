import torch
x = torch.zeros(3, 4)
print(x[2, 3], x[-3, -4])
print(x[1, 4])
