import torch

def make_model(w, b):
    def model(x):
        return w * x + b
    return model

w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(-1.0, requires_grad=True)
m = make_model(w, b)
xs = [1.0, 2.0, 3.0]
loss = sum((m(torch.tensor(v)) - v) ** 2 for v in xs)
print(loss)
loss.backward()
print(w.grad, b.grad)
