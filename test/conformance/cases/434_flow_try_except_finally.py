import torch
log = []
for v in [1.0, 0.0, -1.0]:
    try:
        x = torch.tensor(v, requires_grad=True)
        if v == 0.0:
            raise ValueError("zero not allowed")
        y = torch.log(x)
        log.append(round(y.item(), 3))
    except ValueError as e:
        log.append(str(e))
    finally:
        log.append('done')
print(log)
try:
    torch.ones(2) @ torch.ones(3)
except RuntimeError as e:
    print(type(e).__name__, e)
else:
    print('no error')
