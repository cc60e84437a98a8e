calls = 0
def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        global calls
        n += step
        calls += 1
        return n
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(5), c2(), c1(step=2))
print(calls)
print(sorted({3, 1, 2} | {5}), {1, 2} & {2, 3}, {1, 2} ^ {2, 3})
print(tuple(x * x for x in range(4)), set('hello') == {'h', 'e', 'l', 'o'})
