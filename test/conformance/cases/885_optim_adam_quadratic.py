import torch
p = torch.tensor([5.0, -3.0], requires_grad=True)
opt = torch.optim.Adam([p], lr=0.5)
for i in range(50):
    opt.zero_grad()
    f = (p[0] - 1) ** 2 + 2 * (p[1] + 2) ** 2
    f.backward()
    opt.step()
    if i % 10 == 9:
        print(i, f.item(), p.detach())
print(p)
print(p.grad)
