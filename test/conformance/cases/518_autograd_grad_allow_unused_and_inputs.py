import torch
a = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(2.0, requires_grad=True)
c = torch.tensor(3.0, requires_grad=True)
y = a * b
ga, gc = torch.autograd.grad(y, [a, c], allow_unused=True)
print(ga, gc)
z = a * b * c
z.backward(inputs=[b, c])
print(a.grad, b.grad, c.grad)
