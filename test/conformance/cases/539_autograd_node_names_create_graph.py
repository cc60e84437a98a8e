import torch

w = torch.tensor([1.5, -0.5], requires_grad=True)
loss = (w ** 3).sum()
loss.backward(create_graph=True)
print(w.grad)
print(w.grad.grad_fn.name(), loss.grad_fn.name())
acc = loss.grad_fn.next_functions[0][0].next_functions[0][0]
print(acc.name(), type(acc).__name__)
h = w * 2
h[1] = 0.0
print(h.grad_fn.name(), type(h.grad_fn).__name__)
second = w.grad.sum()
w.grad = None
second.backward()
print(w.grad)
