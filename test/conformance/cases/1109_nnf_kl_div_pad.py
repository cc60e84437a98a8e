import torch
import torch.nn.functional as F
p = torch.tensor([[0.2, 0.5, 0.3]])
logq = torch.log_softmax(torch.tensor([[1.0, 2.0, 0.5]], requires_grad=True), dim=1)
print(F.kl_div(logq, p, reduction='batchmean'))
print(F.kl_div(logq, p, reduction='sum'))
x = torch.arange(6.0).reshape(2, 3)
print(F.pad(x, (1, 2)))
print(F.pad(x, (0, 0, 1, 0), value=-1.0))
