import torch

x = torch.tensor([5.5, -7.25, 1.0], requires_grad=True)
d = torch.tensor([2.0, 3.0, -0.75], requires_grad=True)
r = torch.fmod(x, d) + torch.fmod(x, 2) + torch.exp2(x / 4)
r.sum().backward()
print(r)
print(x.grad)
print(d.grad)
print(torch.fmod(torch.tensor([-7, 7, 9]), 4), torch.remainder(torch.tensor([-7, 7, 9]), 4))
print(torch.exp2(torch.tensor([0, 3, 10])))
try:
    torch.fmod(torch.tensor([1, 2]), 0)
except RuntimeError as e:
    print('RuntimeError:', e)
