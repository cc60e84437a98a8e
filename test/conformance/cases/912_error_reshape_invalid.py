import torch
x = torch.arange(10)
print(x.reshape(2, 5))
print(x.reshape(5, -1))
y = x.reshape(3, -1)
