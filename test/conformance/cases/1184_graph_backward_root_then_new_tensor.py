import torch
p = torch.tensor([1.0, -1.0], requires_grad=True)
q = p.relu()
loss1 = q.sum() * 3
loss1.backward()
r = torch.sigmoid(p).prod()
print(p.grad, r)
