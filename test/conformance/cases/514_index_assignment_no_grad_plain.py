import torch
t = torch.zeros(3, 4)
t[0] = 1.0
t[:, 1] = torch.tensor([5.0, 6.0, 7.0])
t[2, 3] = -1
t[t > 5] = 9.0
print(t)
u = torch.arange(5)
u[1:3] = 0
print(u)
