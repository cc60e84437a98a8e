import torch
w = torch.zeros(5, requires_grad=True)
with torch.no_grad():
    w[1] = 3.0
    w[2:4] = torch.tensor([1.0, -1.0])
print(w)
y = (w * torch.arange(5.0)).sum()
y.backward()
print(w.grad)
z = w.clone()
z[0] = 10.0
print(z)
z.sum().backward()
print(w.grad)
m = torch.zeros(2, 3)
m[:, 1] = 5
m[1] += 1
print(m)
