import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
acc = torch.zeros(2)
for k in range(1, 4):
    acc = acc + x ** k / k
print(acc)
acc.sum().backward()
print(x.grad)
total = 0
for k in range(3):
    total += x[k % 2] * k
print(total)
