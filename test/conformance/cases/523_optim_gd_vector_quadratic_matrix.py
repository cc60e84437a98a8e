import torch
A = torch.tensor([[3.0, 1.0], [1.0, 2.0]])
bvec = torch.tensor([1.0, -1.0])
x = torch.zeros(2, requires_grad=True)
for k in range(100):
    f = 0.5 * x @ A @ x - bvec @ x
    f.backward()
    with torch.no_grad():
        x -= 0.2 * x.grad
    x.grad.zero_()
print(x, f)
print(torch.linalg.solve(A, bvec))
