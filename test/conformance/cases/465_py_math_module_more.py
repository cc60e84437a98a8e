import math
print(math.sqrt(16), math.exp(0), math.log(math.e), math.log(100, 10))
print(math.sin(0), math.cos(math.pi), math.floor(3.7), math.ceil(-3.7))
print(math.pow(3, 2), 3 ** 2, math.fabs(-2), abs(-2))
print(round(math.pi, 3), round(math.e, 1), math.isclose(1.0, 1.0 + 1e-10))
print(math.erf(0.5), math.gamma(5), math.lgamma(3.0))
print(math.radians(180), math.atan(1) * 4, math.tau)
