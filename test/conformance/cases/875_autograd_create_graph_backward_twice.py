import torch
x = torch.tensor(3.0, requires_grad=True)
y = x ** 3
y.backward(create_graph=True)
g = x.grad
print(g, g.requires_grad)
x.grad = None
g.backward()
print(x.grad)
w = torch.tensor([1.0, 2.0], requires_grad=True)
l = (w ** 2).sum()
(gw,) = torch.autograd.grad(l, w, create_graph=True)
pen = (gw ** 2).sum()
pen.backward()
print(gw, pen, w.grad)
v = torch.tensor([2.0, 3.0], requires_grad=True)
(v ** 2).backward(torch.tensor([1.0, 1.0]), create_graph=True)
gv = v.grad.clone()
v.grad.zero_()
gv.sum().backward()
print(gv, v.grad)
