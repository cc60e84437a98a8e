for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
print(2 ** -1, 2 ** 100, -3 ** 2, (-3) ** 2)
print(round(2.5), round(3.5), round(-0.5), round(1.2345, 2))
print(int(-3.7), int(3.7), float("1e3"), 0.1 + 0.2 == 0.3)
print(abs(-5), max(3, 7, 1), min([4, 2, 8]), sum(range(10)))
print(10 / 4, 10 // 4, 1e308 * 10, -1e308 * 10)
