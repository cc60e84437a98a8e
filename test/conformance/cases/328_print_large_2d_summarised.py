import torch
print(torch.arange(2000.0).reshape(40, 50))
print(torch.ones(1001))
print(torch.zeros(10, 100))
print(torch.arange(1200).reshape(2, 600))
