import torch
xs = [torch.tensor(float(i), requires_grad=True) for i in range(1, 5)]
squares = {i: x ** 2 for i, x in enumerate(xs)}
total = sum(v for v in squares.values())
total.backward()
print(total)
print([x.grad.item() for x in xs])
evens = [x.item() for x in xs if int(x.item()) % 2 == 0]
print(evens)
def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)), sum(gen(4)))
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
print(any(x.item() > 3 for x in xs), all(x.item() > 0 for x in xs))
