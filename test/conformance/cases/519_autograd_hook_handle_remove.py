import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
calls = []
h = x.register_hook(lambda g: calls.append(g.sum().item()))
(x * 3).sum().backward()
h.remove()
(x * 5).sum().backward()
print(calls, x.grad)
