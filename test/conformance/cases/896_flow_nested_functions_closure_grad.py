import torch
def make_model(w):
    def model(x):
        return torch.tanh(w * x)
    return model
w = torch.tensor(0.7, requires_grad=True)
m = make_model(w)
out = sum(m(torch.tensor(float(x))) for x in [1, 2, 3])
out.backward()
print(out, w.grad)
counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter)
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 2
        return n
    inner()
    return inner()
print(outer())
