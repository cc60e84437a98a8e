import torch
torch.manual_seed(0)
X = torch.linspace(-1, 1, 20).unsqueeze(1)
Y = 3 * X - 0.5 + 0.1 * torch.randn(20, 1)
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w, b], lr=0.1, momentum=0.9)
losses = []
for epoch in range(60):
    opt.zero_grad()
    loss = ((X @ w + b - Y) ** 2).mean()
    loss.backward()
    opt.step()
    losses.append(loss.item())
    if epoch % 15 == 0:
        print(f"epoch {epoch}: loss={loss.item():.4f}")
print(w, b)
print(min(losses) < 0.02)
