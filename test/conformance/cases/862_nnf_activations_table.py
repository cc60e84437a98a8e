import torch
import torch.nn.functional as F
x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
acts = {'relu': F.relu, 'sigmoid': torch.sigmoid, 'tanh': torch.tanh,
        'leaky': lambda t: F.leaky_relu(t, 0.1), 'elu': F.elu, 'softplus': F.softplus,
        'gelu': F.gelu, 'silu': F.silu}
for name, f in acts.items():
    x.grad = None
    y = f(x)
    y.sum().backward()
    print(f"{name:8s}", y.detach(), x.grad)
