import torch
x = torch.tensor([[3.0, 1.0, 2.0], [6.0, 5.0, 4.0]], requires_grad=True)
print(x.median(), torch.median(x, dim=1))
print(x.sort(dim=1), x.argsort(dim=0))
print(x.sum(0).std(), torch.mean(torch.tensor([])))
m = x.min()
m.backward()
print(x.grad)
print(torch.count_nonzero(x > 2), x.kthvalue(2, dim=1))
