import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
first = (a * b).sum()
second = torch.exp(a) - b
third = a.detach() + 1
print(first, second)
