import torch
x = torch.tensor(2.0, requires_grad=True)
f = (x - 3) ** 2 / (x + 1)
f.backward()
print(f)
print(x.grad)
print(f.grad_fn.name())
