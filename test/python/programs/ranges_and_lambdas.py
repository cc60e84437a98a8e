# range arithmetic past 2**53 / step, and a lambda's error line
r = range(-(2**53 - 1), 2**53 - 1, 2**43 + 1)
print(len(r), r[1025], r[2047], r[-1], list(r[2046:]))
print(len(range(0, 2**53 - 1, 2**53 - 2)), len(range(-2**52, 2**52 + 1, 2**52)))
print(list(range(10, -2**53 + 1, -2**52)))
print(r[1000:1030:7], r[::-3][-1], range(10)[-100:100], range(10)[::-2], range(5, 50, 5)[-2:-8:-3], range(3)[10:])
inverse = lambda x: 1 / x
print(inverse(4))
print(inverse(0))
