import torch
from torchviz import make_dot
X = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.0, 1.0]])
W1 = torch.tensor([[0.5, -0.5, 1.0], [0.25, 0.75, -1.0]], requires_grad=True)
b1 = torch.tensor([0.0, 0.1, -0.1], requires_grad=True)
W2 = torch.tensor([[1.0], [-1.0], [0.5]], requires_grad=True)
h = torch.relu(X @ W1 + b1)
out = (h @ W2).squeeze(1)
loss = out.pow(2).mean()
loss.backward()
print(loss)
print(W1.grad, b1.grad, W2.grad, sep='\n')
make_dot(loss, params={'W1': W1, 'b1': b1, 'W2': W2})
