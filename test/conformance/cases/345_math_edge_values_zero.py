import torch
x = torch.tensor([0.0, 0.0, 0.0, 0.0], requires_grad=True)
y = torch.relu(x[0]) + torch.abs(x[1]) + torch.sqrt(x[2]) + x[3] ** 2
y.backward()
print(y)
print(x.grad)
z = torch.tensor(0.0, requires_grad=True)
w = z * torch.log(z)
w.backward()
print(w, z.grad)
