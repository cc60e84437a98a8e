import torch
x = torch.tensor(1.0)
def f(a):
    return a * 2
  print(f(x))
