import torch
import torch.nn.functional as F
v = torch.tensor([[3.0, 4.0], [1.0, 0.0], [0.0, 0.0]], requires_grad=True)
n = F.normalize(v, dim=1)
print(n)
cs = F.cosine_similarity(v[0:1], v[1:2])
print(cs)
n.sum().backward()
print(v.grad)
print(F.one_hot(torch.tensor([0, 2, 1]), num_classes=4))
print(F.one_hot(torch.tensor([3, 1])))
