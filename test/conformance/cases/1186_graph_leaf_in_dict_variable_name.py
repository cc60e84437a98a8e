import torch
params = {'w': torch.tensor(1.5, requires_grad=True)}
bias = torch.tensor(0.5, requires_grad=True)
w = params['w']
y = w * w + bias
alias = bias
y.backward()
print(w.grad, alias.grad)
