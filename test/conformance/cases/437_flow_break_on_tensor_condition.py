import torch
x = torch.tensor(1.0, requires_grad=True)
y = x
for i in range(20):
    y = y * 1.5
    if y > 10:
        break
print(i, y)
y.backward()
print(x.grad)
