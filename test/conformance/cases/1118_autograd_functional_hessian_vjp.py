import torch
from torch.autograd.functional import hessian, jacobian, vjp
def f(x):
    return (x[0] ** 2) * x[1] + torch.sin(x[1])
x = torch.tensor([1.0, 2.0])
print(hessian(f, x))
print(jacobian(lambda t: t ** 2 * 3, torch.tensor([1.0, -1.0])))
out, g = vjp(lambda t: t.exp(), torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
print(out, g)
