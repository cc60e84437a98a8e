import torch
data = [torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 0.5])]
w = torch.tensor([1.0, -1.0], requires_grad=True)
total = torch.tensor(0.0)
for k, d in enumerate(data):
    try:
        total = total + (w * d).sum()
    except RuntimeError as err:
        print('skip', k, str(err).split(' at ')[0])
        continue
    print('used', k)
total.backward()
print(total, w.grad)
