import torch
def f(x):
    return 3 * x ** 3 - 2 * x + 1
for v in [-1.0, 0.0, 0.5, 2.0]:
    x = torch.tensor(v, requires_grad=True)
    y = f(x)
    y.backward()
    print(f"x={v:5.2f}  f={y.item():8.3f}  df={x.grad.item():8.3f}")
print(y)
