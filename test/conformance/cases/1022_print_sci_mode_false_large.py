import torch
x = torch.tensor([1e-5, 1.0, 12345.678])
print(x)
torch.set_printoptions(sci_mode=False)
print(x)
print(torch.tensor([1e10, 1.5]))
torch.set_printoptions(sci_mode=True)
print(torch.tensor([1.0, 2.0]))
