import torch
x = torch.zeros(6)
x[::2] = 1
x[-1] = 5
x[1:4] += torch.tensor([10.0, 20.0, 30.0])
print(x)
m = torch.zeros(3, 3, dtype=torch.int64)
m[range(3), range(3)] = torch.tensor([1, 2, 3])
m[0, 1:] = 9
m[m == 0] = -1
print(m)
y = torch.arange(10)
print(y[-3:], y[:-7], y[-8:-2:3])
