import torch
p = torch.tensor([5.0], requires_grad=True)
opt = torch.optim.SGD([p], lr=0.4)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for i in range(6):
    opt.zero_grad()
    loss = (p - 1) ** 2
    loss.sum().backward()
    opt.step()
    sched.step()
    print(i, opt.param_groups[0]['lr'], p.item())
print(sched.get_last_lr())
