import torch
x = torch.tensor(0.5, requires_grad=True)
ys = torch.stack([x ** k for k in range(1, 5)])
print(ys)
ws = [torch.tensor(float(k)) for k in range(1, 5)]
total = sum(w * y for w, y in zip(ws, ys))
print(total)
total.backward()
print(x.grad)
evens = [k for k in range(10) if k % 2 == 0]
print(evens, {k: k ** 2 for k in evens[:3]})
