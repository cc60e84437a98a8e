import torch

class Linear:
    def __init__(self, n_in, n_out):
        self.W = torch.ones(n_in, n_out, requires_grad=True)
        self.b = torch.zeros(n_out, requires_grad=True)
        self.name = "lin"

    def __call__(self, x):
        return x @ self.W + self.b

    def __repr__(self):
        return f"Linear({self.W.shape[0]}, {self.W.shape[1]})"

    def parameters(self):
        return [self.W, self.b]

layer = Linear(2, 3)
print(layer)
print(str(layer), [layer])
out = layer(torch.tensor([[1.0, 2.0]]))
out.sum().backward()
print(out)
print([p.grad for p in layer.parameters()])
print(isinstance(layer, Linear), type(layer).__name__, hasattr(layer, 'W'), getattr(layer, 'name'))
