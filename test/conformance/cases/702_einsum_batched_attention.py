import torch
torch.manual_seed(0)
q = torch.randn(2, 3, 4, requires_grad=True)
k = torch.randn(2, 3, 4, requires_grad=True)
v = torch.randn(2, 3, 4, requires_grad=True)
scores = torch.einsum('bid,bjd->bij', q, k) / 2.0
attn = scores.softmax(dim=-1)
out = torch.einsum('bij,bjd->bid', attn, v)
print(out.shape, type(out.grad_fn).__name__)
loss = out.pow(2).mean()
loss.backward()
print(loss)
print(q.grad)
print(v.grad.sum())
