import torch
params = {name: torch.tensor(v, requires_grad=True) for name, v in [('a', 1.0), ('b', -2.0), ('c', 0.5)]}
loss = params['a'] * params['b'] ** 2 + params['c'] * params['a']
loss.backward()
grads = {k: round(v.grad.item(), 3) for k, v in params.items()}
print(grads)
for k, v in sorted(grads.items(), key=lambda kv: kv[1]):
    print(k, v)
print(max(grads, key=grads.get), list(grads.keys()), sum(grads.values()))
