import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x.pow(2) * 3
v = torch.tensor([[1.0, 0.0], [0.5, -1.0]])
y.backward(v)
print(x.grad)
x.grad.zero_()
z = x.sum(dim=1)
torch.autograd.backward(z, grad_tensors=torch.tensor([2.0, -1.0]))
print(x.grad)
print(y.grad_fn.name(), z.grad_fn.name())
