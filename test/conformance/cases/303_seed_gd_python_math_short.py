from math import exp

x = 1
lr = 0.01

def grad(x):
    return 2 * x - exp(-x)

for i in range(301):
    x = x - lr * grad(x)
    if i % 50 == 0:
        print('x_', i, '=', x)
