import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
l1 = (x ** 2).sum()
l2 = torch.exp(x).mean()
l1.backward()
l2.backward()
third = (x * 3).sum()
print(x.grad, third)
