import torch
w = [1.0, 2.0]
x = torch.tensor([3.0, 4.0])
print(x * 2)
y = w * 2
print(y)
z = w ** 2
