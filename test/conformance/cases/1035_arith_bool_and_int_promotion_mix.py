import torch
b = torch.tensor([True, False, True])
i = torch.tensor([1, 2, 3], dtype=torch.int32)
f = torch.tensor([0.5, 0.5, 0.5], dtype=torch.float64)
print(b + b, (b + b).dtype)
print(b * i, (b * i).dtype)
print(i + f, (i + f).dtype)
print(i * 2.0, (i * 2.0).dtype)
print(b - b)
