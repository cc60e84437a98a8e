from functools import reduce, partial, lru_cache
import itertools
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
def power(base, exp):
    return base ** exp
sq = partial(power, exp=2)
print(sq(5), partial(power, 2)(10))
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
@lru_cache
def f2(n):
    return n * 2
print(f2(3), f2(3))
print(list(itertools.product([1, 2], 'ab')), list(itertools.product(range(2), repeat=2)))
print(list(itertools.combinations(range(4), 2)), list(itertools.permutations('abc', 2)))
print(list(itertools.permutations(range(3))), list(itertools.combinations_with_replacement('ab', 2)))
print(list(itertools.chain([1, 2], (3,), 'x')), list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.islice('abcdefg', 1, 6, 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)), list(itertools.zip_longest('ab', [1, 2, 3], fillvalue=0)))
print(list(itertools.repeat('z', 3)), list(zip(itertools.cycle('ab'), range(5))), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
