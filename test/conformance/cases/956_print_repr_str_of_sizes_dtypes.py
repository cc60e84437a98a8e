import torch
x = torch.ones(2, 3)
print(x.shape, repr(x.shape), str(x.size()))
print(x.dtype, torch.float64, torch.int64, torch.bool, torch.long, torch.double, torch.float)
print(torch.float32 == torch.float, x.dtype is torch.float32)
print(torch.Size([]), torch.Size([5]), x.device, x.is_floating_point())
print(str(torch.tensor(1.5)), repr(torch.tensor([True])))
print([x.dtype], {'d': torch.int32})
print(x.type(), torch.tensor([1]).type(), torch.tensor([1.0], dtype=torch.float64).type())
