import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 2.0], [3.0, 5.0]])
print(F.softmax(x))
print(F.normalize(x, dim=1))
print(F.normalize(torch.tensor([3.0, 4.0]), dim=0))
print(F.pad(torch.tensor([1.0, 2.0]), (1, 2)))
print(F.one_hot(torch.tensor([0, 2, 1]), 3))
