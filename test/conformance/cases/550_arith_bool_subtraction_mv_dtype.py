import torch
b = torch.tensor([True, False])
for f in [lambda: b - b, lambda: b - 1, lambda: 1 - b, lambda: -b, lambda: torch.sub(b, b), lambda: b.neg(), lambda: torch.rsub(b, 1), lambda: torch.ones(2) - True]:
    try:
        print(f())
    except RuntimeError as e:
        print(e)
m = torch.ones(2, 3, dtype=torch.long); v = torch.ones(3)
for f in [lambda: torch.mv(m, v), lambda: m @ v]:
    try:
        print(f())
    except RuntimeError as e:
        print(e)
print(~b, b ^ b, torch.tensor([1, 2]) - torch.tensor([3, 1]), -torch.tensor([1.5]))
