import torch

def g(v):
    return (v[0] ** 2) * v[1] + torch.sin(v[1])

v = torch.tensor([1.5, -0.5], requires_grad=True)
out = g(v)
out.backward()
h = 1e-3
num = []
for i in range(2):
    e = torch.zeros(2)
    e[i] = h
    num.append(((g(v.detach() + e) - g(v.detach() - e)) / (2 * h)).item())
print("autograd:", v.grad)
print("numeric :", [round(n, 3) for n in num])
print(torch.allclose(v.grad, torch.tensor(num), atol=1e-2))
