import torch
x = torch.tensor([-3.0, 0.0, 1.0, 4.0], requires_grad=True)
s = torch.sigmoid(x)
s.sum().backward()
print(s)
print(x.grad)
print(s * (1 - s))
x.grad = None
t = torch.tanh(x)
t.sum().backward()
print(x.grad, 1 - t ** 2)
