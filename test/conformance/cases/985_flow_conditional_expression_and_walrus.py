import torch
vals = [3, -1, 4, -1, 5]
signs = ['pos' if v > 0 else 'neg' for v in vals]
print(signs)
if (n := len(vals)) > 3:
    print("long list", n)
x = torch.tensor(0.5, requires_grad=True)
y = x ** 2 if x > 0 else -x
y.backward()
print(y, x.grad)
i = 0
while (i := i + 1) < 4:
    print("i =", i)
print(abs(-2) if True and not False else 0, None or 'default', 0 and 1)
