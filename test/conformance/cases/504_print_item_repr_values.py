import torch
x = torch.tensor([0.1, 0.7, 1e-3, 3.3333])
print([v.item() for v in x])
print(x.sum().item(), x.mean().item(), x.max().item())
print(torch.tensor(1e-3, dtype=torch.float64).item(), torch.tensor(2.0).item())
print(x.tolist())
print(float(x[1]), int(torch.tensor(-2.7)), x[3].item() * 3)
