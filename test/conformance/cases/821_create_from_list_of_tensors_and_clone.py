import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.clone()
print(b)
c = a.detach().clone()
c[0] = 100
print(a, c)
rows = [torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])]
m = torch.stack(rows)
print(m, m.shape)
print(torch.tensor([t.tolist() for t in rows]))
print(a.tolist(), type(a.tolist()[0]).__name__)
print(torch.tensor(2).item(), type(torch.tensor(2).item()).__name__)
print(torch.tensor(True).item())
