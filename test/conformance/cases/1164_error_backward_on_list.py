import torch
x = torch.tensor(1.0, requires_grad=True)
losses = [x * 2, x * 3]
total = sum(losses)
total.backward()
print(x.grad)
losses.backward()
