import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = torch.tensor([0.5, -1.0], requires_grad=True)
f = (x @ y).pow(2).sum() + x.trace()
f.backward()
print(f)
print(x.grad)
print(y.grad)
