import torch
import torch.autograd.forward_ad as fwAD
x = torch.tensor([1., 2.])
with fwAD.dual_level() as lvl:
    d = fwAD.make_dual(x, torch.ones(2))
    y = d.sin() * d
    u = fwAD.unpack_dual(y)
    print(lvl, u, u.primal, u.tangent, type(u).__name__)
    p, t = fwAD.unpack_dual(x)
    print(p, t, d)
    w = torch.tensor([[1., 2.], [3., 4.]])
    z = fwAD.make_dual(torch.tensor([0.5, -1.0]), torch.tensor([1.0, 0.0]))
    print(fwAD.unpack_dual((w @ z).exp().sum()).tangent)
print(fwAD.unpack_dual(y).tangent)
