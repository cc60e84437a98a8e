import torch
A = torch.ones(2, 3)
B = torch.ones(2, 3)
C = torch.mm(A, B)
