import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.clone()
y[1] = x[0] * 5
y[2:] *= 2
loss = (y ** 2).sum()
loss.backward()
print(y, x.grad)
