import torch
xs = torch.linspace(0, 1, 5)
ys = xs ** 2
print(torch.trapezoid(ys, xs), torch.trapz(ys, xs), torch.trapezoid(ys), torch.trapezoid(ys, dx=0.25))
y2 = torch.arange(6.).view(2, 3).requires_grad_()
r = torch.trapezoid(y2, dim=1); print(r); r.sum().backward(); print(y2.grad, torch.trapezoid(y2, torch.tensor([0., 1., 3.])))

x = torch.ones(3, requires_grad=True)
try:
    x.resize_(2)
except RuntimeError as e:
    print(e)
y = torch.arange(6.); y.resize_(2, 2); print(y, y.shape, y.is_contiguous())
z = torch.zeros(2); print(z.resize_(3).shape, z.resize_((1,)).shape)
