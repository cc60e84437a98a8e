import torch
import torch.nn.functional as F
scores = torch.tensor([[1.0, -1.0], [0.5, 2.0], [3.0, 0.0]], requires_grad=True)
lp = F.log_softmax(scores, dim=0)
print(lp)
target = torch.tensor([2, 1])
loss = F.nll_loss(lp.t(), target)
print(loss)
loss.backward()
print(scores.grad)
w = torch.tensor([1.0, 2.0, 0.5])
print(F.nll_loss(lp.t(), target, weight=w))
print(F.nll_loss(lp.t(), target, reduction='sum'))
