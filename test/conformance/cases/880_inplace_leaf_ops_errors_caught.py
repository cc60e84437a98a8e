import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    w += 1
except RuntimeError as e:
    print("1:", e)
try:
    w.zero_()
except RuntimeError as e:
    print("2:", e)
try:
    w[0] = 5
except RuntimeError as e:
    print("3:", e)
with torch.no_grad():
    w.mul_(2)
print(w)
w.data.add_(1)
print(w, w.is_leaf)
