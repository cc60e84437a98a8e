import torch
import torch.nn.functional as F
x = torch.tensor([0.5, -0.5], requires_grad=True)
y = F.sigmoid(x) + F.tanh(x)
print(y)
y.sum().backward()
print(x.grad)
print(F.relu(torch.tensor([-1.0, 1.0])), F.softmax(torch.tensor([0.0, 0.0]), dim=0))
