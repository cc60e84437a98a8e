import torch

class Linear:
    def __init__(self, w, b):
        self.w = torch.tensor(w, requires_grad=True)
        self.b = torch.tensor(b, requires_grad=True)

    def __call__(self, x):
        return self.w * x + self.b

    def params(self):
        return [self.w, self.b]

model = Linear(0.5, 1.0)
x = torch.tensor(2.0)
out = model(x)
loss = (out - 3.0) ** 2
loss.backward()
print(out, loss)
print([p.grad for p in model.params()])
