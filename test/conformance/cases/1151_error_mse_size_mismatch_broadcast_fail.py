import torch
import torch.nn.functional as F
pred = torch.zeros(3, 2)
tgt = torch.zeros(4, 2)
print(F.mse_loss(pred, tgt))
