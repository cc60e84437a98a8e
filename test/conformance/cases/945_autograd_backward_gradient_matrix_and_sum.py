import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x ** 2
y.backward(torch.ones_like(y), retain_graph=True)
print(x.grad)
x.grad.zero_()
y.backward(torch.tensor([[1.0, 0.0], [0.0, 1.0]]))
print(x.grad)
