import torch
a = torch.tensor([[1, -20, 300], [-4000, 5, 60]])
print(a)
print(a.t())
print(torch.tensor([[[1, 2], [3, 4]], [[-5, 6], [7, -80]]]))
print(torch.tensor([0, 0, 0]))
print(torch.tensor([-1]))
print(torch.arange(-5, 5).reshape(2, 5))
print(torch.tensor(7))
