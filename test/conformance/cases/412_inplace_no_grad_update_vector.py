import torch
w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
for step in range(5):
    loss = (w ** 2).sum()
    loss.backward()
    with torch.no_grad():
        w.sub_(0.25 * w.grad)
    w.grad.zero_()
    print(step, loss.item())
print(w, w.is_leaf, w.requires_grad)
