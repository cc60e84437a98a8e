import torch
torch.set_printoptions(threshold=5)
print(torch.arange(10))
print(torch.arange(6.0).reshape(2, 3))
torch.set_printoptions(threshold=1000, edgeitems=2)
print(torch.arange(1200))
torch.set_printoptions(linewidth=40)
print(torch.arange(20.0))
