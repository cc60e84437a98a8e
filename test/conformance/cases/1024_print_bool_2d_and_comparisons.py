import torch
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(a > 2.5)
print((a > 2.5) & (a < 5))
print((a % 2 == 0).int())
print(torch.tensor([], dtype=torch.bool))
