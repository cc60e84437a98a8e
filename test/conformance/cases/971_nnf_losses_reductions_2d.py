import torch
import torch.nn.functional as F
p = torch.tensor([[0.5, 1.5], [2.0, -1.0]], requires_grad=True)
t = torch.tensor([[1.0, 1.0], [1.0, 1.0]])
for r in ['mean', 'sum', 'none']:
    print(r, F.mse_loss(p, t, reduction=r), F.l1_loss(p, t, reduction=r), F.smooth_l1_loss(p, t, reduction=r), F.huber_loss(p, t, reduction=r, delta=0.5))
F.smooth_l1_loss(p, t).backward()
print(p.grad)
