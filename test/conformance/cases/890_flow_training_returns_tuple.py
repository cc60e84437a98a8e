import torch

def forward(x, w, b):
    z = x * w + b
    return z, torch.relu(z)

def step(params, lr):
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad
            p.grad = None

w = torch.tensor(0.5, requires_grad=True)
b = torch.tensor(-1.0, requires_grad=True)
data = [(1.0, 2.0), (2.0, 3.5), (3.0, 5.0)]
for epoch in range(3):
    total = 0.0
    for x, t in data:
        z, a = forward(torch.tensor(x), w, b)
        loss = (a - t) ** 2 if a.item() > 0 else (z - t) ** 2
        loss.backward()
        step([w, b], 0.05)
        total += loss.item()
    print(f"epoch {epoch}: {total:.4f} w={w.item():.4f} b={b.item():.4f}")
