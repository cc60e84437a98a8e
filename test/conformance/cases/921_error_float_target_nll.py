import torch
import torch.nn.functional as F
logp = F.log_softmax(torch.tensor([[1.0, 2.0, 3.0]]), dim=1)
target = torch.tensor([2.0])
F.nll_loss(logp, target)
