# The interpreter's fast paths (operands read inline, direct calls of simple functions and
# methods, list.append, augmented assignment) against CPython on their edge cases.
def unbound_left():
    x = y + 1
    y = 2

def unbound_right():
    x = 1 * y
    y = 2

def unbound_arg():
    g(z)
    z = 1

def g(a, b=3):
    return a + b

for fn in (unbound_left, unbound_right, unbound_arg):
    try:
        fn()
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)

def h():
    return missing_name * 2

try:
    h()
except NameError as e:
    print('NameError:', e)

x = 7
print(x % 3, -x % 3, x % -3, x // 2, -x // 2, x // -2, x / 2, 1 / 3, 7.5 % 2, -7.5 // 2, 0 * -1, -0.0 * 1)
print(x + 0.5, 0.5 + x, x - 0.25, x * 0.5, 2 ** 10, 2 ** -1, 10 / 4, 3 / 1.5)
print(1 < 2.5, 2.0 == 2, 3 != 3.0, float('nan') != float('nan'), float('nan') < 1, 'a' < 'b', [1] == [1])
print(None is None, 1 in [1], 2 not in [1], 2.5 >= 2, 2 <= 2.0, 'ab' > 'a')
print(2**53 + 1, (2**53 + 1) * 3, 9007199254740991 + 1, -9007199254740991 - 2, 2**53 // 3, -(2**60) % 7)
print(True + True, True * 3, 5 % True, 1 - False, True < 2)
def zero(a, b):
    return a % b

for a, b in ((5, 0), (5.0, 0)):
    try:
        zero(a, b)
    except ZeroDivisionError as e:
        print('ZeroDivisionError:', e)

def aug():
    t = 0
    s = ''
    l = []
    f = 1.5
    for i in range(5):
        t += i
        t -= 1
        s += str(i)
        l += [i]
        t *= 2
        f -= i
    k = 0
    acc = 0.0
    while k < 10:
        acc = acc + k * 0.5 - 1.0
        k += 1
    print(t, s, l, f, acc, k)

aug()

def fib(n):
    if n <= 1:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(15), g(1), g(1, 2), g(b=5, a=1))

class Counter:
    def __init__(self):
        self.v = 1
    def get(self):
        return self.v
    def add(self, k):
        self.v += k
        return self

c = Counter()
print(c.add(2).add(3).get(), Counter.get(c))
c.get = lambda: 'own attribute wins'
print(c.get())
xs = []
for i in range(3):
    xs.append(i * i)
print(xs)
try:
    (1, 2).append(3)
except AttributeError as e:
    print('AttributeError:', e)
try:
    c.add()
except TypeError as e:
    print('TypeError:', e)
print(Counter().get(1))
