import torch
w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
for k in range(3):
    loss = (w * (k + 1)).sum()
    loss.backward()
    print(k, w.grad)
    if k == 1:
        w.grad.fill_(0.5)
w.grad.zero_()
print(w.grad)
w.grad.add_(torch.eye(2))
print(w.grad)
