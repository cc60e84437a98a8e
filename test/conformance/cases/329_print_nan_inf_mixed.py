import torch
x = torch.tensor([1.0, float('nan'), float('inf'), -float('inf')])
print(x)
print(torch.tensor([float('nan')]))
print(torch.tensor(float('-inf')))
print(torch.tensor([0.0, 1.0]) / 0)
print(torch.log(torch.tensor([0.0, 1.0, 2.0])))
print(torch.tensor([1e-8, float('inf')]))
print(x.isnan(), x.isinf())
