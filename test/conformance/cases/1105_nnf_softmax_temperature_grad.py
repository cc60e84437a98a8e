import torch
import torch.nn.functional as F
logits = torch.tensor([2.0, 1.0, 0.1], requires_grad=True)
for T in [0.5, 1.0, 4.0]:
    p = F.softmax(logits / T, dim=0)
    print(f"T={T}: {p}")
p = F.softmax(logits / 2.0, dim=-1)
p[0].backward()
print(logits.grad)
print(F.softmax(torch.tensor([1000.0, 1000.0]), dim=0))
print(F.log_softmax(torch.tensor([1000.0, 0.0]), dim=0))
