import torch
w = torch.tensor(2.0, requires_grad=True)
target = (w * 3).detach()
pred = w ** 2
loss = (pred - target) ** 2
loss.backward()
print(target, loss, w.grad)
w.grad = None
loss2 = (pred.detach() - w * 3) ** 2
loss2.backward()
print(loss2, w.grad)
