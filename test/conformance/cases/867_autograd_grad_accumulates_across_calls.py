import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
def loss_fn(k):
    return (w * k).sum()
for k in [1.0, 2.0, 3.0]:
    loss_fn(k).backward()
    print(w.grad)
w.grad.zero_()
print(w.grad)
loss_fn(5.0).backward()
print(w.grad)
w.grad = None
print(w.grad)
loss_fn(-1.0).backward()
print(w.grad)
