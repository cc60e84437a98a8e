import torch
x = torch.tensor([-2.0, 0.5, 2.0], requires_grad=True)
h = x * 1.5
h.clamp_(-1, 1)
h.mul_(h)
print(h)
h.sum().backward()
print(x.grad)
x.grad = None
t = x * 1
t.tanh_()
t.sum().backward()
print(t, x.grad)
