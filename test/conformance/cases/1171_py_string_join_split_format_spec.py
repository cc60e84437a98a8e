text = "alpha,beta,,gamma"
parts = text.split(",")
print(parts, len(parts))
print("|".join(p.upper() or "-" for p in parts))
print("{:<8}|{:^8}|{:>8}".format("l", "c", "r"))
print(f"{3.14159:10.3f}|{42:05d}|{0.000123:e}|{1234567:,}")
print("%s has %d items (%.1f%%)" % ("list", 3, 37.5))
print("abc".center(9, "*"), "x".zfill(4), "Hello World".swapcase())
print(repr("tab\there"), "a-b-c".rsplit("-", 1), "  pad ".strip())
