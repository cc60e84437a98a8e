import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x ** 2
y.backward(torch.tensor([[1.0, 0.5], [0.0, 2.0]]))
print(x.grad)
z = x.sum(dim=0)
z.backward(torch.tensor([1.0, -1.0]))
print(x.grad)
