import torch
def run(cls, **kw):
    p = torch.tensor([1.0, -1.0, 0.5], requires_grad=True)
    opt = cls([p], **kw)
    for _ in range(4):
        opt.zero_grad()
        (p ** 4 - p).sum().backward()
        opt.step()
    return p.detach()
print(run(torch.optim.RMSprop, lr=0.01))
print(run(torch.optim.Adagrad, lr=0.1))
print(run(torch.optim.AdamW, lr=0.1, weight_decay=0.1))
print(run(torch.optim.SGD, lr=0.05, dampening=0.5, momentum=0.5))
