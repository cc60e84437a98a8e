import torch
import torch.nn.functional as F
x = torch.linspace(-4, 4, 9, requires_grad=True)
outs = {'relu6': F.relu6(x * 2), 'hardtanh': F.hardtanh(x, -2.0, 2.0), 'silu': F.silu(x)}
total = 0
for name, out in outs.items():
    print(name, out)
    total = total + out.sum()
total.backward()
print(x.grad)
