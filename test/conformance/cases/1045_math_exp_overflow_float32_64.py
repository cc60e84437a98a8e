import torch
x = torch.tensor([80.0, 90.0, -110.0])
print(torch.exp(x))
print(torch.exp(x.double()))
print(torch.log(torch.tensor([0.0, -1.0])))
print(torch.tensor([1.0]) / 0, torch.tensor([-1.0]) / 0)
