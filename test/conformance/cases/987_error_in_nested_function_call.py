import torch

def inner(t):
    return t.view(4)

def middle(t):
    u = t * 2
    return inner(u)

def outer():
    return middle(torch.ones(2, 3))

print("start")
r = outer()
