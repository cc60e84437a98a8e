import torch
shapes = [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((5, 2, 3), (3,)), ((3,), (5, 3, 2)), ((5, 2, 3), (1, 3, 4))]
for sa, sb in shapes:
    a = torch.ones(sa, requires_grad=True)
    b = torch.ones(sb, requires_grad=True)
    c = a @ b
    c.sum().backward()
    print(sa, sb, tuple(c.shape), c.grad_fn.name(), a.grad.sum().item(), b.grad.sum().item())
