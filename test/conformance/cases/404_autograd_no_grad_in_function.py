import torch

def evaluate(w):
    with torch.no_grad():
        return (w * 3).sum()

w = torch.tensor([1.0, 2.0], requires_grad=True)
e = evaluate(w)
print(e, e.requires_grad)
loss = (w * 3).sum()
print(loss)
loss.backward()
print(w.grad)
with torch.set_grad_enabled(False):
    k = w * 2
print(k.requires_grad)
