import torch
torch.manual_seed(0)
x = torch.randn(8, 2)
y = x @ torch.tensor([1.5, -0.5]) + 0.3
w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = torch.optim.Adam([w, b], lr=0.05, betas=(0.8, 0.99))
for epoch in range(30):
    opt.zero_grad()
    loss = ((x @ w + b - y) ** 2).mean()
    loss.backward()
    opt.step()
    if epoch % 10 == 9:
        print(f"epoch {epoch+1}: loss={loss.item():.5f}")
print(w, b)
