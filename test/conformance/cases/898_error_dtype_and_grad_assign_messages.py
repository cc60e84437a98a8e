import torch
import torch.nn.functional as F

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

p = torch.tensor([[0.2, 0.8]])
attempt('bce long target:', lambda: F.binary_cross_entropy(p, torch.tensor([[1, 0]])))
x = torch.ones(3, requires_grad=True)
attempt('grad wrong type:', lambda: setattr(x, 'grad', torch.zeros(4, dtype=torch.float64)))
attempt('grad wrong size:', lambda: setattr(x, 'grad', torch.zeros(4)))
attempt('repr method:', lambda: x.detach().__repr__())
attempt('resize_:', lambda: torch.zeros(2).resize_(3).shape)
try:
    try:
        x.view(2, 2)
    except RuntimeError as inner:
        raise ValueError("bad reshape in model") from inner
except ValueError as e:
    print(e, '<-', type(e.__cause__).__name__, e.__cause__)
