import torch
x = torch.tensor(1.0, requires_grad=True)
y = torch.sin((x + 2) + (1 + torch.exp(x ** 2)))
y.backward()
print(y)
print(x.grad)
print(x.grad.item())
