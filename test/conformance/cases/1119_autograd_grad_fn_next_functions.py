import torch
a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
c = a * b + a.exp()
print(c.grad_fn.name())
for fn, idx in c.grad_fn.next_functions:
    print(type(fn).__name__, idx)
print(c.grad_fn.next_functions[0][0].next_functions[0][0].variable is a)
