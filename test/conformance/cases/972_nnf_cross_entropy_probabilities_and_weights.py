import torch
import torch.nn.functional as F
logits = torch.tensor([[1.0, 2.0, 0.5], [0.0, 0.0, 3.0]], requires_grad=True)
probs = torch.tensor([[0.2, 0.7, 0.1], [0.0, 0.0, 1.0]])
l1 = F.cross_entropy(logits, probs)
print(l1)
l2 = F.cross_entropy(logits, torch.tensor([1, 2]), label_smoothing=0.1)
print(l2)
l3 = F.cross_entropy(logits, torch.tensor([1, 2]), weight=torch.tensor([1.0, 2.0, 3.0]))
print(l3)
(l1 + l2 + l3).backward()
print(logits.grad)
print(F.cross_entropy(logits, torch.tensor([1, -100]), ignore_index=-100))
