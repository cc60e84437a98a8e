import torch
import math
t = torch.tensor([1.5, 2.5, -0.5])
print(float(t[0]), int(t[1]), bool(t[2]), round(t[1].item()))
print(math.sqrt(t[0]), math.floor(t[2]))
print(sum(t.tolist()), max(t.tolist()), sorted(t.tolist()))
print(t[0] + 1, 1 - t, 2 ** t)
print([x * 2 for x in t.tolist()], len(t), list(t.shape))
print(t.sum().item() == 3.5, type(t.sum().item()).__name__, type(t.long()[0].item()).__name__)
