import torch

class Quadratic:
    def __init__(self, a, b, c):
        self.params = [torch.tensor(v, requires_grad=True) for v in (a, b, c)]

    def __call__(self, x):
        a, b, c = self.params
        return a * x ** 2 + b * x + c

    def step(self, lr):
        with torch.no_grad():
            for p in self.params:
                p -= lr * p.grad
                p.grad.zero_()

model = Quadratic(0.0, 0.0, 0.0)
xs = [-1.0, 0.0, 1.0, 2.0]
ys = [2.0, 1.0, 2.0, 5.0]
for epoch in range(200):
    loss = sum((model(torch.tensor(x)) - y) ** 2 for x, y in zip(xs, ys)) / len(xs)
    loss.backward()
    model.step(0.05)
    if (epoch + 1) % 50 == 0:
        print(epoch + 1, f"{loss.item():.5f}", [round(p.item(), 3) for p in model.params])

class Linear1D:
    def __init__(self):
        self.w = torch.tensor([1.0, -1.0], requires_grad=True)

    @torch.no_grad()
    def update(self, lr):
        self.w -= lr * self.w.grad
        self.w.grad.zero_()

lin = Linear1D()
for _ in range(3):
    l = (lin.w @ torch.tensor([2.0, 1.0])) ** 2
    l.backward()
    lin.update(0.1)
    print(l.item(), lin.w)
