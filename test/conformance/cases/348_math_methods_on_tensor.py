import torch
x = torch.tensor([0.5, 1.5], requires_grad=True)
y = x.exp().log().sqrt().sin().cos().abs()
print(y)
y.sum().backward()
print(x.grad)
print(x.pow(3), x.square(), x.reciprocal())
