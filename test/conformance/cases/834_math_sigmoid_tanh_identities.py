import torch
x = torch.linspace(-3, 3, 7, requires_grad=True)
s = torch.sigmoid(x)
s.sum().backward()
print(torch.allclose(x.grad, s * (1 - s)))
x.grad = None
t = torch.tanh(x)
t.sum().backward()
print(torch.allclose(x.grad, 1 - t ** 2))
print(x.grad)
print(torch.sigmoid(torch.tensor([-100.0, 100.0])))
print(torch.tanh(torch.tensor([20.0])))
print(torch.exp(torch.tensor([100.0, -100.0])))
