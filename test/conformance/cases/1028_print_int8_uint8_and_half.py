import torch
a = torch.tensor([100, -100, 27], dtype=torch.int8)
b = torch.tensor([0, 200, 255], dtype=torch.uint8)
print(a, b)
print(a + a)
print(b + 10)
c = torch.tensor([1.5, 2.25], dtype=torch.float16)
print(c, c * 3)
print(a.dtype, b.dtype, c.dtype, (a + 1.0).dtype)
