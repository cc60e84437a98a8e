import torch
x = torch.tensor([0.5, 1.5, -0.7, 0.9], requires_grad=True)
w = torch.tensor([1.2, -0.4, 0.9, 0.9], requires_grad=True)
y = torch.maximum(x, w) * x + torch.clamp(x, -0.5, 1.0) * w + torch.relu(x) * x
gx, gw = torch.autograd.grad(y.sum(), (x, w), create_graph=True)
(gx.sum() + gw.sum()).backward()
print(gx, gw)
print(x.grad, w.grad)
