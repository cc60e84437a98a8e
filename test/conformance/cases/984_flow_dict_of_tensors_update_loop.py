import torch
params = {'w': torch.tensor([1.0, -1.0], requires_grad=True), 'b': torch.tensor(0.5, requires_grad=True)}
x = torch.tensor([2.0, 3.0])
for it in range(3):
    out = (params['w'] * x).sum() + params['b']
    loss = out ** 2
    loss.backward()
    with torch.no_grad():
        for name, p in params.items():
            p -= 0.01 * p.grad
            print(it, name, p.grad)
            p.grad = None
print({k: v.detach() for k, v in params.items()})
