name = "grad"
n = 7
x = 2.0 / 3
print(f"{name!r} {name.upper():>8} {n:+d} {x:.3g} {x:10.5f}|")
print("%5.2f|%-6s|%03d" % (x, name, n))
print("{0}-{1}-{0}".format("a", "b"), "{:,}".format(1234567), "{:.2%}".format(0.256))
print(name * 2, name[1:3], name[::-1], len(name), name.find('a'))
print("a,b,,c".split(","), " x y ".split(), "-".join(str(i) for i in range(4)))
print(str(1e-5), str(123456789.0), str(1.0e16), repr(0.1 + 0.2))
