import torch
params = [torch.tensor(0.5, requires_grad=True), torch.tensor(-1.0, requires_grad=True)]
w = params[0]
loss = (params[0] * 2 + params[1]) ** 2
loss.backward()
print(loss, params[1].grad)
