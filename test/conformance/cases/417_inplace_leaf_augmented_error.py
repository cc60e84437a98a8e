import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w * 3).sum()
loss.backward()
print(w.grad)
w *= 0.5
print(w)
