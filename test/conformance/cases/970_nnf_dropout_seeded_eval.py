import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.ones(10)
print(F.dropout(x, p=0.5))
print(F.dropout(x, p=0.5, training=False))
torch.manual_seed(0)
print(F.dropout(x, p=0.5).sum())
