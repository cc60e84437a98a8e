import torch
def make_layer(w):
    def layer(x):
        return torch.tanh(w * x)
    return layer
ws = [torch.tensor(v, requires_grad=True) for v in [0.5, -1.0, 2.0]]
layers = [make_layer(w) for w in ws]
x = torch.tensor(1.0)
h = x
acts = []
for layer in layers:
    h = layer(h)
    acts.append(round(h.item(), 4))
h.backward()
print(acts)
print([w.grad for w in ws])
