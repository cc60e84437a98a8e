import torch
import torch.nn.functional as F
logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0], [1.0, 1.0, 1.0]], requires_grad=True)
target = torch.tensor([0, 2, 1])
l_mean = F.cross_entropy(logits, target)
l_sum = F.cross_entropy(logits, target, reduction='sum')
l_none = F.cross_entropy(logits, target, reduction='none')
print(l_mean, l_sum, l_none, sep='\n')
l_mean.backward()
print(logits.grad)
nll = F.nll_loss(F.log_softmax(logits, dim=1), target)
print(nll)
