import torch
x = torch.tensor([[1.0, 2.0, 4.0], [3.0, 3.0, 9.0]], dtype=torch.float64, requires_grad=True)
print(x.var(), x.var(unbiased=False))
print(x.std(dim=1), x.std(dim=0, keepdim=True))
x.std().backward()
print(x.grad)
print(torch.tensor([5.0]).std())
