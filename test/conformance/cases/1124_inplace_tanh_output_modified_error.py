import torch
x = torch.tensor([0.2, -0.7], requires_grad=True)
y = x.tanh()
y += 1
loss = y.sum()
loss.backward()
