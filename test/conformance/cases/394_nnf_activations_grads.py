import torch
import torch.nn.functional as F
x = torch.tensor([-2.0, -0.5, 0.0, 1.0], requires_grad=True)
a = F.leaky_relu(x, 0.1)
b = F.elu(x)
c = F.relu(x)
d = torch.sigmoid(x)
print(a, b, c, d, sep='\n')
(a + b + c + d).sum().backward()
print(x.grad)
