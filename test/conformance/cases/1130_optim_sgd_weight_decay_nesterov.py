import torch
w = torch.tensor([2.0, -3.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)
for i in range(5):
    opt.zero_grad()
    loss = (w ** 2).sum() + w[0] * w[1]
    loss.backward()
    opt.step()
    print(i, round(loss.item(), 5), w)
