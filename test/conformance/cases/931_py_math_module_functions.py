import math
print(math.pi, math.e, math.tau)
print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(8), math.log10(0.001))
print(math.sin(math.pi / 6), math.cos(0), math.atan2(1, 1))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.fabs(-3))
print(math.factorial(10), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3))
print(math.inf, -math.inf, math.isnan(math.nan), math.isinf(math.inf))
print(math.hypot(3, 4), math.pow(2, 0.5), math.copysign(1, -0.0))
print(math.degrees(math.pi), math.radians(180))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)
