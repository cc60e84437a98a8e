import torch
import torch.nn.functional as F
from torchviz import make_dot
W = torch.tensor([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.2]], requires_grad=True)
x = torch.tensor([[1.0, 2.0]])
logits = x @ W.t()
loss = F.cross_entropy(logits, torch.tensor([2]))
loss.backward()
print(loss, W.grad)
make_dot(loss)
