import torch
w1 = torch.tensor([[0.5, -0.5], [1.0, 0.25]], requires_grad=True)
w2 = torch.tensor([1.0, -1.0], requires_grad=True)
x = torch.tensor([2.0, 1.0])
h = torch.sigmoid(w1 @ x)
out = torch.dot(h, w2)
loss = (out - 1) ** 2
det = loss.detach()
print(loss, det)
