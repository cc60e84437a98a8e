import torch
x = torch.tensor([0.0, 3.0, 0.0, -1.0])
print(torch.nonzero(x))
print(x.nonzero())
print((x != 0).sum(), (x > 0).any(), (x < 5).all())
print(torch.argmax(x), torch.argmin(x))
print(x[x != 0])
print(x.eq(0), x.ne(0), x.lt(0), x.ge(0))
