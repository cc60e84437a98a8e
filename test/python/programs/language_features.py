class Vec:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Vec.count += 1
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @staticmethod
    def zero():
        return Vec(0, 0)
    @classmethod
    def unit(cls):
        return cls(1, 0)
    @property
    def first(self):
        return self.x

class Vec3(Vec):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return "Vec3" + super().__repr__()[3:] + f"+{self.z}"

v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2(), Vec.count, Vec.zero(), Vec.unit(), v.first, Vec(1, 2) == Vec(1, 2))
print(Vec3(1, 2, 3), isinstance(Vec3(1,2,3), Vec), type(v).__name__)
class MyErr(ValueError):
    pass
try:
    raise MyErr("bad thing")
except ValueError as e:
    print(type(e).__name__, e, repr(e), e.args)
try:
    {}['k']
except KeyError as e:
    print('KeyError', e)
def gen_fn(n, *args, scale=1, **kw):
    return [a * scale for a in args], n, kw
print(gen_fn(1, 2, 3, scale=2, extra='x'))
print(f"{3.14159:.2f} {42:5d} {'hi':>5} {1e-7} {255:x} {0.5:%} {1234567:,} {-3.5!r} {'a'!r}")
print("{} + {} = {:.3f}".format(1, 2, 3.0), "{0}{1}{0}".format('a', 'b'), "{name}".format(name='n'))
print("%d items, %.2f avg, %s" % (3, 2.5, 'ok'), "%5.1f|%-4d|" % (3.14159, 7))
x = [5, 3, 8, 1]
x.sort()
print(x, x[::-1], x[1:3], sorted(x, key=lambda v: -v))
s = {1, 2, 3}
s.add(4); s.discard(1)
print(s, {1, 2} | {3}, {1, 2} & {2}, len(s), 3 in s)
d = dict(a=1, b=2)
print(d, list(d.items()), d.keys(), {k: v for k, v in zip('xyz', range(3))})
print(list(map(str, [1, 2])), [i for i in range(10) if i % 3 == 0], any(x > 7 for x in x))
a, *b, c = range(6)
print(a, b, c)
print(2 ** 0.5, 10 // 3, -10 // 3, 10 % -3, divmod(-7, 2), 1 / 3, 1e16, 1e-5, 123456789.0, -0.0)
print(round(2.5), round(0.125, 2), round(1.005, 2), abs(-7), max([1, 5, 3]), min(3, 1, 2))
print(int('  12  '), float('1e3'), str(1.0), bool(None), 7 // 2.0, 2 ** 100, -2 ** 2, (-2) ** 2)
import math
print(math.floor(3.7), math.sqrt(16), math.pi)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
count = 0
def outer():
    total = 0
    def inner(k):
        nonlocal total
        total += k
        return total
    for i in range(5):
        inner(i)
    return total
print(outer())
i = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 6:
        break
else:
    print('no')
print(i)
try:
    pass
finally:
    print('finally')
def tryret():
    try:
        return 'try'
    finally:
        print('in finally')
print(tryret())
class Ctx:
    def __enter__(self):
        print('enter'); return self
    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None); return True
with Ctx() as c:
    raise RuntimeError('x')
print('after')
print([[1, 2], (3,), {}, set(), None, True, 'it\'s', "q\"", '\n'])
print(repr('a\tb'), str([1.5, 'x']), tuple(), (1,), len("héllo"))
print(sum([0.1] * 3), sum([[1], [2]], []), list(reversed(range(3))), list(enumerate('ab', 1)))
print(hex(-255), bin(10), oct(8), chr(9731), ord('A'), 'abc'.upper().center(9, '*'))
print('a,b,,c'.split(','), ' x  y '.split(), 'x'.join('abc'), 'hello world'.title(), 'abc'.find('c'))
print(isinstance(True, int), 1 == 1.0, hash(1) == hash(1.0), {1: 'a', 1.0: 'b', True: 'c'})
print(3 < 4 < 5, 1 < 2 > 3, 'b' > 'a', [1, 2] < [1, 3], (1, 2) == (1, 2), None is None, not [])
lst = [1, 2, 3]
lst[1:2] = [7, 8, 9]
del lst[0]
print(lst, lst.pop(), lst.index(8), lst.count(7))
print(f"{'nested ' + str(1)!s:>12}|{3:03d}|{2.5:g}|{1e20:g}|{0.0001:g}|{12345.678:e}")
print(10 ** 20 // 3, 2 ** 64 % 1000, -(2 ** 70), (2 ** 70) / 2, 2 ** 53 + 1)
