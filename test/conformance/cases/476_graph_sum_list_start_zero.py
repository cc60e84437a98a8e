import torch
x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
terms = [x * y, x + y, y ** 2]
total = sum(terms)
total.backward()
print(total, x.grad, y.grad)
