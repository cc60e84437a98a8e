import torch
t = torch.tensor([0.1, 0.2], requires_grad=True)
s = t * 2
print(repr(s))
print(str(t))
print(f"{t.sum().item():.3f}", "{:+.2e}".format(s[1].item()))
print([t.shape, s.dtype, s.grad_fn.name()])
print(t.data)
print(float(s[0]), int(torch.tensor(3.9)))
