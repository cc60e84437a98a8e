import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
ops = [x.sum(), x.mean(), x.exp(), x.log(), x.sin(), x.cos(), x.sqrt(), x.abs(),
       x * x, x / 3, 3 / x, x - 1, 1 - x, -x, x ** 2, 2 ** x, x[0], x[1:], x.max(), x.relu(),
       x.sigmoid(), x.tanh(), x.reshape(3, 1), x.view(1, 3), x.unsqueeze(0), x.clone()]
for t in ops:
    print(type(t.grad_fn).__name__, t.grad_fn.name())
print(x.grad_fn)
