import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(x[1, 1])
print(x[2, 0])
