a, *rest = [1, 2, 3, 4]
print(a, rest)
*init, last = "hello"
print(init, last)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (name, score) in enumerate(zip(["ann", "bob"], [0.9, 0.75]), start=1):
    print(f"{i}. {name}: {score:.0%}")
first, second = second, first = 1, 2
print(first, second)
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, mean = stats([2, 4, 9])
print(lo, hi, mean)
print(*[1, 2, 3], sep=' | ')
print(dict(zip(range(3), "abc")), list(zip(*[(1, 'a'), (2, 'b')])))
