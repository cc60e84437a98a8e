def grad_step(x, lr):
    g = None
    return x - lr * g

print('start')
value = 3.0
value = grad_step(value, 0.1)
