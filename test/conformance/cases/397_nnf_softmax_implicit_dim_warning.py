import torch
import torch.nn.functional as F
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
p = F.softmax(x)
print(p)
p[2].backward()
print(x.grad)
