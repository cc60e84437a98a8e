import torch
x = torch.tensor([[1.5, 2.25], [3.125, -4.0]], dtype=torch.float64, requires_grad=True)
print(x)
y = x * 2
print(y)
z = torch.linspace(0, 1, 9, dtype=torch.float64, requires_grad=True)
print(z)
w = z * 3
print(w)
print(torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0], requires_grad=True) + 0.5)
