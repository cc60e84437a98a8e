import torch

x = torch.tensor([5., -7., 9.], requires_grad=True)
t = torch.tensor([2., 3., -4.], requires_grad=True)
q_floor = torch.div(x, t, rounding_mode='floor')
q_trunc = x.div(2, rounding_mode='trunc')
q_true = torch.div(x, t, rounding_mode=None)
print(q_floor, q_trunc, q_true, sep='\n')
a = torch.tensor([7, -7, 10])
print(torch.div(a, 2, rounding_mode='floor'), torch.div(a, 2, rounding_mode='trunc'), torch.div(a, 4))
s = torch.add(x, t, alpha=2) + torch.sub(x, t, alpha=0.5) + x.add(3, alpha=2)
s.sum().backward()
print(s)
print(x.grad, t.grad)
try:
    torch.div(x, t, rounding_mode='round')
except RuntimeError as e:
    print('RuntimeError:', e)
loss = (q_true * 2).sum()
