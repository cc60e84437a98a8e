import torch
x = torch.tensor([1.0, -1.0], requires_grad=True)
k = torch.tensor([2.0, 3.0])
a = x * k
b = a.detach() * x
c = torch.relu(a) + b + 1
loss = c.sum()
loss.backward()
print(x.grad)
