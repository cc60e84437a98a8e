import torch
params = {'a': torch.tensor(3.0), 'b': torch.tensor(-1.0), 'c': torch.tensor(2.0)}
print(sorted(params, key=lambda k: params[k].item()))
print(max(params.items(), key=lambda kv: kv[1].item())[0])
print(min(params.values()))
ts = [torch.tensor(2.0), torch.tensor(1.0), torch.tensor(3.0)]
print(sorted(ts))
print(max(ts), sum(ts))
print(list(zip(['x', 'y'], [t.item() for t in ts])))
print(list(reversed(range(4))), list(map(lambda t: t * 2, [1, 2])))
