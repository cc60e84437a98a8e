import torch
w = torch.tensor([0.5, -1.0], requires_grad=True)
def predict(x, train):
    with torch.set_grad_enabled(train):
        return (w * x).sum()
a = predict(torch.tensor([1.0, 2.0]), True)
b = predict(torch.tensor([1.0, 2.0]), False)
print(a, b)
print(a.requires_grad, b.requires_grad, torch.is_grad_enabled())
a.backward()
print(w.grad)
try:
    b.backward()
except RuntimeError as e:
    print(e)
