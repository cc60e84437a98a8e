import torch
import torch.nn.functional as F
pred = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
target = torch.tensor([[1.5, 2.0], [2.0, 5.0]])
none = F.mse_loss(pred, target, reduction='none')
print(none)
loss = F.mse_loss(pred, target)
loss.backward()
print(loss)
print(pred.grad)
print(F.l1_loss(pred, target), F.mse_loss(pred, target, reduction='sum'))
