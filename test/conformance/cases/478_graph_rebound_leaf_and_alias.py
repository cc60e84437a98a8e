import torch
w = torch.tensor(1.0, requires_grad=True)
orig = w
loss = (w * 2 - 1) ** 2
loss.backward()
w = w - 0.1 * w.grad
loss2 = (w * 3) ** 2
loss2.backward()
print(w, loss2, orig.grad)
