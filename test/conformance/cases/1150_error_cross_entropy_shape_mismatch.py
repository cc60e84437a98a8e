import torch
import torch.nn.functional as F
torch.manual_seed(0)
logits = torch.randn(3, 4)
target = torch.tensor([0, 1])
loss = F.cross_entropy(logits, target)
