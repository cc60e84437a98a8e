def mk():
    def inc(a, b, *, c): pass
    return inc
tests = [lambda: mk()(1), lambda: mk()(1,2,3), lambda: mk()(1,2), lambda: mk()(1,2,c=1,d=2), lambda: mk()(1,2,a=1,c=1)]
for t in tests:
    try: t()
    except TypeError as e: print(e)
def f(x, y=1): pass
for t in [lambda: f(), lambda: f(1,2,3), lambda: f(1, x=2), lambda: f(1, z=2)]:
    try: t()
    except TypeError as e: print(e)
def g(a,b,c): pass
try: g()
except TypeError as e: print(e)
try: g(1)
except TypeError as e: print(e)
def h(): pass
try: h(1)
except TypeError as e: print(e)
def k(a, *args): pass
try: k()
except TypeError as e: print(e)
class A:
    def m(self, x): pass
try: A().m()
except TypeError as e: print(e)
try: A().m(1, 2)
except TypeError as e: print(e)
try: "abc"[1.0]
except TypeError as e: print(e)
try: "abc"['a']
except TypeError as e: print(e)
try: (1,2)['a']
except TypeError as e: print(e)
try: len(5)
except TypeError as e: print(e)
try: A().zz
except AttributeError as e: print(e)
try: A.zz
except AttributeError as e: print(e)
import math
try: math.zz
except AttributeError as e: print(e)
try: (1).zz
except AttributeError as e: print(e)
try: x = 1; x.real = 3
except AttributeError as e: print(e)
try: print(undefined_name)
except NameError as e: print(e)
def ul():
    print(count)
    count = 1
try: ul()
except UnboundLocalError as e: print(e)
except ImportError as e: print(e)
except ImportError as e: print(type(e).__name__, e)
try: int('3.5')
except ValueError as e: print(e)
try: float('abc')
except ValueError as e: print(e)
try: [1][5]
except IndexError as e: print(e)
try: [].pop()
except IndexError as e: print(e)
try: {}['a']
except KeyError as e: print(repr(str(e)))
try: [1,2].index(5)
except ValueError as e: print(e)
try: [1,2].remove(5)
except ValueError as e: print(e)
try: 'abc'.index('z')
except ValueError as e: print(e)
try: a, b = [1,2,3]
except ValueError as e: print(e)
try: a, b, c = [1,2]
except ValueError as e: print(e)
try: None()
except TypeError as e: print(e)
try: round([1])
except TypeError as e: print(e)
try: max([])
except ValueError as e: print(e)
try: next(iter([]))
except StopIteration as e: print(repr(e))
try: int(None)
except TypeError as e: print(e)
try: float(None)
except TypeError as e: print(e)
try: sum(['a'])
except TypeError as e: print(e)
try: 'a' < 1
except TypeError as e: print(e)
try: hash([])
except TypeError as e: print(e)
try: 1 + 'a'
except TypeError as e: print(e)
try: -'a'
except TypeError as e: print(e)
try: assert 1 == 2, "msg"
except AssertionError as e: print(repr(e))
try: x = (1,2); x[0] = 3
except TypeError as e: print(e)
try: 'abc'[5]
except IndexError as e: print(e)
try: (1,)[5]
except IndexError as e: print(e)
try: 5[0]
except TypeError as e: print(e)
try: iter(5)
except TypeError as e: print(e)
try:
    for q in 5: pass
except TypeError as e: print(e)
try: [1,2][1:2:0]
except ValueError as e: print(e)
try: [1]['a']
except TypeError as e: print(e)
try: print(1 if x else 2, 1 <  None)
except TypeError as e: print(e)
def outer():
    y = 1
    def inner():
        return z
    return inner()
try: outer()
except NameError as e: print(e)
def fv():
    def inner(): return w
    inner()
    w = 1
try: fv()
except NameError as e: print(type(e).__name__, e)
def unpack_star(v):
    a, *b = v
def augmented(x):
    x += "s"
def power(x):
    x **= None
for t in [lambda: [0 for a, b in [1]], lambda: unpack_star(5), lambda: augmented(1), lambda: power(2.5)]:
    try: t()
    except TypeError as e: print(e)
try: int('7' * 4301)
except ValueError as e: print(e)
