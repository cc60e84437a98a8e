import torch
x = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
h = x * 2
h.relu_()
print(h)
s = h.sigmoid()
s.sum().backward()
print(x.grad)
x.grad = None
k = x + 0
k.sigmoid_()
k.sum().backward()
print(k, x.grad)
