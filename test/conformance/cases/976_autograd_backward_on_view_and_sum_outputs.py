import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x * x
y[0, 1].backward(retain_graph=True)
print(x.grad)
y[:, 0].sum().backward(retain_graph=True)
print(x.grad)
torch.autograd.backward([y[1, 1] + y[0, 0]])
print(x.grad)
