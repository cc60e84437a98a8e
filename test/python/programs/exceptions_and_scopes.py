def risky(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return [][1]
    if kind == 2:
        return {}['missing']
    if kind == 3:
        return int('x')
    if kind == 4:
        return undefined_thing
    if kind == 5:
        return None + 1
    raise RuntimeError('custom')

for k in range(7):
    try:
        risky(k)
    except (ZeroDivisionError, IndexError) as e:
        print('arith/index', type(e).__name__, e)
    except LookupError as e:
        print('lookup', type(e).__name__, e)
    except Exception as e:
        print('other', type(e).__name__, str(e))
    else:
        print('no error')
    finally:
        print('finally', k)

def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print('handling')
        raise

try:
    reraise()
except ZeroDivisionError as e:
    print('outer caught', e)

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

try:
    raise AppError(42, 'app failed')
except AppError as e:
    print(e.code, e, e.args)

def counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return step

c1 = counter()
c2 = counter()
print(c1(), c1(), c2())
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
g = 10
def read_global():
    return g * 2
def write_global():
    global g
    g = 99
print(read_global())
write_global()
print(g)
x = 'module'
def shadow():
    x = 'local'
    return x
print(shadow(), x)
try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('assert', e)
def bad_local():
    print(total)
    total = 1
bad_local()
