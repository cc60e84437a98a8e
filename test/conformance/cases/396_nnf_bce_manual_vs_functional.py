import torch
import torch.nn.functional as F
z = torch.tensor([1.0, -1.0, 0.5], requires_grad=True)
y = torch.tensor([1.0, 0.0, 1.0])
p = torch.sigmoid(z)
manual = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
print(manual)
manual.backward()
print(z.grad)
print(F.binary_cross_entropy(p, y), F.binary_cross_entropy_with_logits(z, y))
print((p - y) / 3)
