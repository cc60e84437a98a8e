import torch
a = torch.arange(6.0, requires_grad=True)
b = torch.zeros(2, 3)
c = a.view_as(b)
d = torch.tensor([[1.0], [2.0]]).expand_as(b)
e = a.reshape_as(b) * d
print(c, d, e, sep='\n')
e.sum().backward()
print(a.grad)
print(a.unflatten(0, (3, 2)).shape)
print(torch.movedim(torch.zeros(2, 3, 4), 0, -1).shape, torch.swapaxes(torch.zeros(2, 3), 0, 1).shape)
