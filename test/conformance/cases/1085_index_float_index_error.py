import torch
x = torch.arange(5)
i = torch.tensor([1.0, 2.0])
print(x[i.long()])
print(x[i])
