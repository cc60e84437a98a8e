import torch
import torch.nn.functional as F
x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], requires_grad=True)
s0 = F.softmax(x, dim=0)
s1 = F.softmax(x, dim=1)
ls = F.log_softmax(x, dim=-1)
print(s0, s1, ls, sep='\n')
(s1[:, 0].sum() + ls[0, 2]).backward()
print(x.grad)
print(torch.softmax(torch.tensor([1000.0, 1000.0]), dim=0))
print(x.softmax(dim=1).sum(dim=1))
