import torch
import torch.nn.functional as F
scores = torch.tensor([[0.2, 1.2, -0.3], [1.5, 0.1, 0.4]], requires_grad=True)
target = torch.tensor([1, 0])
lp = F.log_softmax(scores, dim=1)
print(lp)
loss = F.nll_loss(lp, target)
print(loss)
loss.backward()
print(scores.grad)
print(lp.exp().sum(dim=1))
