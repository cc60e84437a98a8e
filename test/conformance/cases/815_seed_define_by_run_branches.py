import torch
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)
print(x)
y = x
steps = 0
while y.norm() < 50:
    y = y * 2
    steps += 1
if y.sum() > 0:
    z = y.sum()
else:
    z = -y.sum()
z.backward()
print(steps, z)
print(x.grad)
