import torch
x = torch.tensor([0.0, 1.0], requires_grad=True)
y = torch.exp(x)
ok = torch.tanh(x)
s = ok.sum()
y += 1
print(y)
s.backward()
print(x.grad)
y.sum().backward()
