import torch
import torch.nn.functional as F
logits = torch.tensor([[1.0, 2.0, 0.5], [0.0, 0.0, 3.0], [2.0, -1.0, 1.0]], requires_grad=True)
target = torch.tensor([1, 2, 0])
loss = F.cross_entropy(logits, target, reduction='sum')
print(loss)
loss.backward()
print(logits.grad)
print(F.cross_entropy(logits, target))
print(logits.grad.sum(dim=1))
