import torch
m = torch.tensor([[True, False, True], [True, True, True]])
print(m.all(), m.any(), m.all(dim=1), m.any(dim=0), torch.all(m, dim=0))
x = torch.tensor([[1.0, 0.0], [2.0, 3.0]])
print((x > 0).all(dim=1), (x == 0).any(), x.bool())
print(m.sum(dim=1), m.float().mean(dim=0), m.int().prod(dim=1))
print(m.sum(dim=1).dtype, torch.any(x > 2).item())
