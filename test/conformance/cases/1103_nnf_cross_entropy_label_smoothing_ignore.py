import torch
import torch.nn.functional as F
torch.manual_seed(3)
logits = torch.randn(4, 5, requires_grad=True)
target = torch.tensor([1, 0, 4, 2])
print(F.cross_entropy(logits, target))
print(F.cross_entropy(logits, target, label_smoothing=0.1))
t2 = torch.tensor([1, -100, 4, -100])
loss = F.cross_entropy(logits, t2)
print(loss)
loss.backward()
print(logits.grad)
probs = torch.softmax(logits, dim=1)
print(F.cross_entropy(logits, probs.detach()))
