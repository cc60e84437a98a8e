import torch
a = torch.tensor([7, -7, 9])
b = torch.tensor([2, 2, -4])
print(a / b)
print(a // b)
print(a % b)
print(torch.div(a, b, rounding_mode='trunc'))
print(torch.div(a, b, rounding_mode='floor'))
print(a * 1.5, (a + True).dtype)
