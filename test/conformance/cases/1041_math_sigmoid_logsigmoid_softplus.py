import torch
import torch.nn.functional as F
x = torch.tensor([-3.0, 0.0, 2.0], requires_grad=True)
a = torch.sigmoid(x)
b = F.logsigmoid(x)
c = F.softplus(x)
print(a, b, c, sep='\n')
(a + b + c).sum().backward()
print(x.grad)
