import torch
a = torch.tensor([1, 2, 3])
print(a.float(), a.double(), a.to(torch.bool))
b = torch.tensor([1.7, -2.7])
print(b.long(), b.int(), b.to(torch.int64))
c = torch.tensor([1, 2], requires_grad=True)
