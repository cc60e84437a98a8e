class Counter:
    total = 0
    def __init__(self, start=0):
        self._n = start
        Counter.total += 1
    @property
    def n(self):
        return self._n
    @n.setter
    def n(self, value):
        if value < 0:
            raise ValueError("negative")
        self._n = value
    @staticmethod
    def describe():
        return "a counter"
    @classmethod
    def make(cls, k):
        return cls(k * 10)

a = Counter()
b = Counter.make(3)
a.n = 5
print(a.n, b.n, Counter.total, Counter.describe(), b.describe())
try:
    a.n = -1
except ValueError as e:
    print("error:", e)
print(vars(b), type(b).__name__)
