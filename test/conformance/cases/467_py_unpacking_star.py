first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
a, (b, c) = 1, (2, 3)
print(a, b, c)

def f(*args, scale=1, **kw):
    return [v * scale for v in args], kw

print(f(1, 2, 3, scale=2, tag='x'))
nums = [3, 4]
print(*nums, sep=' | ')
print(max(*nums), [*nums, *range(2)], (*nums,))
x, y = y, x = 1, 2
print(x, y)
