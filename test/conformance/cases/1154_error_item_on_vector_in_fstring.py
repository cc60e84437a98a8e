import torch
losses = torch.tensor([0.5, 0.25])
for i in range(2):
    print(f"step {i}: {losses[i].item():.3f}")
print(f"total: {losses.item():.3f}")
