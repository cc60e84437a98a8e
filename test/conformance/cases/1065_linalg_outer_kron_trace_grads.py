import torch
u = torch.tensor([1.0, 2.0], requires_grad=True)
v = torch.tensor([3.0, -1.0, 0.5], requires_grad=True)
O = torch.outer(u, v)
print(O)
t = O[:, :2].trace()
t.backward()
print(t, u.grad, v.grad)
print(torch.kron(torch.eye(2), torch.tensor([[1.0, 2.0]])))
