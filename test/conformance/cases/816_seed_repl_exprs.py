>>> import torch
>>> x = torch.tensor(2.0, requires_grad=True)
>>> y = x ** 3 + 2 * x
>>> y
tensor(12., grad_fn=<AddBackward0>)
>>> y.backward()
>>> x.grad
tensor(14.)
