import torch
x = torch.tensor([1.0, -1.0])
if x.sum() == 0:
    print("zero sum")
if x > 0:
    print("positive")
