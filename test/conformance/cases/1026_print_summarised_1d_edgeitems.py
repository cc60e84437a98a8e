import torch
x = torch.arange(2000)
print(x)
torch.set_printoptions(edgeitems=2)
print(x.float())
torch.set_printoptions(threshold=5)
print(torch.arange(8).reshape(2, 4))
