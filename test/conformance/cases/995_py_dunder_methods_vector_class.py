class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    __rmul__ = __mul__
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __eq__(self, other):
        return self.xs == other.xs
    def __repr__(self):
        return "Vec(" + ", ".join(str(x) for x in self.xs) + ")"
    def __str__(self):
        return f"<{self.xs}>"

v = Vec(1, 2, 3)
w = Vec(0.5, 0.5, 0.5)
print(v + w, 2 * v, v * 3, len(v), v[1], v[-1])
print(repr(v), str(v), [v], v == Vec(1, 2, 3), v != w)
print(list(v), sum(v), max(v))
