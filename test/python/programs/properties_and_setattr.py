class Rec:
    def __init__(self):
        super().__setattr__('log', [])
        self.a = 1
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
r = Rec()
r.b = 2
print(r.log, r.a, r.b)
class P:
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): object.__setattr__(self, '_x', v * 2)
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(20)
t.celsius = 25
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print(e)
p = P(); object.__setattr__(p, "x", 5); print(p.x)
class Base:
    def __init__(self):
        object.__setattr__(self, '_params', {})
    def __setattr__(self, name, value):
        if isinstance(value, float):
            self._params[name] = value
        object.__setattr__(self, name, value)
    def __getattr__(self, name):
        return 'missing:' + name
    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)
    def __repr__(self):
        return type(self).__name__ + '(' + ', '.join(f'{k}={v}' for k, v in self._params.items()) + ')'
    @property
    def size(self):
        return len(self._params)
    @staticmethod
    def make():
        return 1
    @classmethod
    def named(cls):
        return cls.__name__

class Child(Base):
    def __init__(self, w):
        super().__init__()
        self.w = w
        self.n = 3
    def forward(self, x):
        return x * self.w

c = Child(2.5)
print(c(4), c, c.size, c.other, Child.make(), Child.named(), isinstance(c, Base), c.__class__.__name__, vars(c) if False else '')
print(hasattr(c, 'w'), getattr(c, 'zz', 5), c.__dict__ if False else '')
