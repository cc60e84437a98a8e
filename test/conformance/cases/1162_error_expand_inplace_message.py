import torch
w = torch.tensor([1.0, 2.0])
big = w.unsqueeze(0).expand(3, 2)
print(big)
big.mul_(2)
