import torch
vals = torch.tensor([3.0, 7.0, -2.0, 9.0])
for i, v in enumerate(vals):
    if v < 0:
        print('negative at', i, v)
        break
else:
    print('none negative')
for i, v in enumerate(vals[:2]):
    if v < 0:
        break
else:
    print('first two fine', vals[:2].tolist())
