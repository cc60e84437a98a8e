import torch
W = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
out = W @ W
print(out)
out.backward()
