def count(n):
    i = 0
    while True:
        if i >= n:
            break
        yield i
        i += 1

def pairs(xs):
    for a in xs:
        for b in xs:
            if a == b:
                continue
            yield (a, b)
    yield from [99, 100]

def squares(n):
    total = 0
    for i in range(n):
        got = yield i * i
        total += i
    print('done', total)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

g = count(3)
print(list(g), list(g), sum(count(5)))
print(list(pairs([1, 2, 3])))
s = squares(4)
print(next(s), next(s), list(s))
f = fib()
print([next(f) for _ in range(10)])
print(list(zip(fib(), 'abc')), max(count(4)), sorted(x % 3 for x in count(7)))
def batches(data, size):
    for i in range(0, len(data), size):
        yield data[i:i + size]
print(list(batches(list(range(7)), 3)))
def empty():
    return
    yield 1
print(list(empty()), type(count(1)).__name__)
def bad():
    yield 1
    raise ValueError("boom")
try:
    print(list(bad()))
except ValueError as e:
    print('caught', e)
g2 = (x * 2 for x in range(3))
print(type(g2).__name__, type(bad()).__name__, repr(count(1))[:24])
def nested():
    for i in range(2):
        j = 0
        while j < 2:
            yield (i, j)
            j += 1
print(list(nested()))
def f():
    x = yield 1
    print("got", x)
    y = yield 2
    print("got", y)
z = f()
print(next(z))
print(z.send(5))
try:
    z.send(7)
except StopIteration:
    print("stop")
it = iter([1, 2])
print(it.__next__(), (x for x in "ab").__next__())
gen = bad()
print(next(gen))
print(next(gen))
