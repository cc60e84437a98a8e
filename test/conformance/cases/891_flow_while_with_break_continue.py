import torch
x = torch.tensor(1.0, requires_grad=True)
y = x
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    y = y * 1.5
    if y.item() > 10:
        break
print(i, y)
y.backward()
print(x.grad)
for k in range(3):
    pass
else:
    print("loop done", k)
