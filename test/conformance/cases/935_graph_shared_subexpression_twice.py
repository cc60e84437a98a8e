import torch
x = torch.tensor(1.5, requires_grad=True)
y = torch.tensor(-0.5, requires_grad=True)
s = x * y
u = torch.sin(s)
v = s * s
w = u + v + s
w.backward()
print(w, x.grad, y.grad)
