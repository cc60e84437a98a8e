import torch
xs = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
ws = [0.5, -1.0, 2.0]
acc = 0
for i, (x, w) in enumerate(zip(xs, ws)):
    acc = acc + w * x
    print(i, x, w)
print(acc)
acc.backward()
print(xs.grad)
