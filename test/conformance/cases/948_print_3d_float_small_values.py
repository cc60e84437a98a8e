import torch
x = torch.arange(8, dtype=torch.float32).reshape(2, 2, 2) / 1000
print(x)
print(x * 1e-4)
print(torch.tensor([[[1.0]]]))
print(torch.zeros(2, 1, 3))
print(torch.tensor([[1.5, 2.0], [3.0, 4.25]], dtype=torch.float64))
print(torch.tensor([0.1, 0.2], dtype=torch.float64) * 3)
