import torch
p = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.SGD([p], lr=0.1, momentum=0.5, weight_decay=0.01, nesterov=True)
for i in range(5):
    opt.zero_grad()
    loss = (p ** 2).sum()
    loss.backward()
    opt.step()
    print(i, p.detach(), round(loss.item(), 6))
