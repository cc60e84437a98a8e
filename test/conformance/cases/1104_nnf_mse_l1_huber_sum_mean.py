import torch
import torch.nn.functional as F
pred = torch.tensor([[0.5, 2.0], [-1.0, 4.0]], requires_grad=True)
tgt = torch.tensor([[0.0, 2.5], [1.0, 1.0]])
for red in ['mean', 'sum', 'none']:
    print(red, F.mse_loss(pred, tgt, reduction=red))
    print(red, F.l1_loss(pred, tgt, reduction=red))
h = F.huber_loss(pred, tgt, delta=1.5)
s = F.smooth_l1_loss(pred, tgt, beta=0.5)
print(h, s)
(h + s).backward()
print(pred.grad)
