import torch
a = torch.tensor([5, -5, 9])
print(torch.div(a, 2), torch.div(a, 2, rounding_mode='floor'), torch.div(a, 2, rounding_mode='trunc'))
print(a / 4, a // 4, a % 4, torch.remainder(a, 3), torch.fmod(a, 3))
f = torch.tensor([5.5, -5.5])
print(f // 2, f % 2, torch.fmod(f, 2))
print(torch.tensor(3) / torch.tensor(2), torch.tensor([1.0]) / torch.tensor([0.0]))
