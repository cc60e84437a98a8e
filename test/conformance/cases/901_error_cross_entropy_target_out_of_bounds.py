import torch
import torch.nn.functional as F
logits = torch.tensor([[1.0, 2.0], [0.5, 0.1]], requires_grad=True)
target = torch.tensor([0, 2])
print(F.cross_entropy(logits, target))
