import torch
t = torch.tensor([1.5, 2.5, 3.5])
print(float(t[0]), int(t[1]), bool(t[2]), round(t[0].item()))
print(len(t), list(t), [float(v) for v in t])
total = 0.0
for v in t:
    total += v
print(total, type(total).__name__)
print(t[0] > 1, bool(t[0] > 1), t.tolist() == [1.5, 2.5, 3.5])
print(max(t.tolist()), sum(t).item() if hasattr(sum(t), 'item') else sum(t))
i = torch.tensor(3)
print(list(range(int(i))), [0] * int(i), "ab" * int(i))
print(isinstance(t, torch.Tensor), type(t).__name__, torch.is_tensor(5))
