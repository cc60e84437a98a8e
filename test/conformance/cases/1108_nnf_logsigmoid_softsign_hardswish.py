import torch
import torch.nn.functional as F
x = torch.tensor([-3.0, -1.0, 0.0, 1.0, 3.0], requires_grad=True)
ys = [F.logsigmoid(x), F.softsign(x), F.hardswish(x), F.hardsigmoid(x), F.gelu(x, approximate='tanh'), F.mish(x)]
for y in ys:
    print(y.grad_fn.name(), y)
torch.stack(ys).sum().backward()
print(x.grad)
