import torch
m = torch.tensor([True, False, True])
n = torch.tensor([False, False, True])
print(m ^ n, m | n, ~m, m.logical_xor(n))
for name, fn in [("neg", lambda: -m), ("sub", lambda: m - n), ("rsub", lambda: 1 - m), ("sub_int", lambda: m - 1)]:
    try:
        print(name, fn())
    except RuntimeError as e:
        print(name, "->", e)
print(m.sum(), m.float().mean())
