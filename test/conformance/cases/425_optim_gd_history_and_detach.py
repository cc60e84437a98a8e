import torch
x = torch.tensor(-2.0, requires_grad=True)
history = []
for i in range(40):
    loss = (x ** 2 - 1) ** 2
    loss.backward()
    history.append(round(x.item(), 4))
    x = (x - 0.02 * x.grad).detach().requires_grad_()
print(history[:4], history[-1])
print(x, x.grad)
