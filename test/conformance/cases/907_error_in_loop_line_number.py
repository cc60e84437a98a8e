import torch

def scale(values, factor):
    out = []
    for v in values:
        out.append(v * factor)
    return out

data = [1, 2, 'three', 4]
total = 0
for i, d in enumerate(data):
    total = total + scale([d], 2)[0]
    print(i, total)
