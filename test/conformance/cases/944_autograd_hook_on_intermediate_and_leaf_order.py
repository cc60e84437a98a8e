import torch
order = []
x = torch.tensor(2.0, requires_grad=True)
x.register_hook(lambda g: order.append(('x', g.item())))
a = x * 3
a.register_hook(lambda g: order.append(('a', g.item())))
b = a ** 2
b.register_hook(lambda g: order.append(('b', g.item())))
b.backward()
print(order)
print(x.grad)
