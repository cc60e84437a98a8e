import torch
x = torch.tensor(1.0, requires_grad=True)
y = torch.exp(x) * 2
y.backward()
print(x.grad)
y.backward()
