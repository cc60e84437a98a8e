import torch
w = torch.zeros(3, requires_grad=True)
v = w.detach()
v[0] = 5.0
print(w, v)
w2 = w * 1
w2[1] = 2.0
print(w2)
w[2] = 1.0
