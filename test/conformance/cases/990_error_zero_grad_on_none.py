import torch
w = torch.tensor([1.0], requires_grad=True)
print(w.grad)
w.grad.zero_()
