def fact(n):
    return n * fact(n - 1)
try:
    fact(5)
except RecursionError as e:
    print('caught', type(e).__name__, e)
print(int('12') + int('x1'))
