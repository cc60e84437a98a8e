import torch
import torch.nn.functional as F
z = torch.tensor([[0.3, -1.2, 2.0], [-0.4, 0.0, 1.5]], requires_grad=True)
y = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
l1 = F.binary_cross_entropy_with_logits(z, y)
l2 = F.binary_cross_entropy(torch.sigmoid(z), y)
print(l1, l2)
print(torch.allclose(l1, l2))
l1.backward()
print(z.grad)
print(F.binary_cross_entropy_with_logits(z, y, reduction='none'))
print(F.binary_cross_entropy_with_logits(z, y, pos_weight=torch.tensor([2.0, 1.0, 0.5])))
