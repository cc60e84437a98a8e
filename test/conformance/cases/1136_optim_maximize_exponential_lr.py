import torch
p = torch.tensor([0.0, 1.0], requires_grad=True)
opt = torch.optim.SGD([p], lr=0.5, maximize=True)
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
for i in range(4):
    opt.zero_grad()
    obj = -((p - torch.tensor([1.0, -1.0])) ** 2).sum()
    obj.backward()
    opt.step()
    sched.step()
    print(i, f"{obj.item():.4f}", p.detach(), f"{sched.get_last_lr()[0]:.4f}")
