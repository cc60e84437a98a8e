x = 3.14159
n = 42
print(f"{x!r} {x!s} {'txt'!r}", f"{n:+d}", f"{-n:+d}", f"{x:+.1f}")
print(f"{n:>8}|{n:<8}|{n:^8}|{n:08.2f}")
print(f"{x:.0f} {2.5:.0f} {3.5:.0f} {x:g} {1e-7:g} {123456789.0:g}")
print(f"{0.5:%} {0.125:.1%}", f"{1234567:_}", f"{'abc':*^9}")
name = "loss"
print(f"{name=}", f"{n * 2 = }")
print(str(10 / 4), str(10 // 4), str(2 ** 0.5), str(1 / 3))
print(float('1.5e3'), int('0x1f', 16), int('101', 2), hex(255), bin(5), oct(8))
print(chr(65), ord('a'), "%5s|%-5s|" % ('a', 'b'), "%03d" % 7, "%x" % 255)
print(round(1234.5678, -2), round(-0.5), round(1.5), round(0.125, 2))
