class TrainingError(Exception):
    pass
class DivergedError(TrainingError):
    def __init__(self, step, value):
        super().__init__(f"diverged at step {step}: {value}")
        self.step = step
def train(values):
    for i, v in enumerate(values):
        if v > 100:
            raise DivergedError(i, v)
    return "ok"
for vals in [[1, 2], [1, 500, 3]]:
    try:
        r = train(vals)
    except TrainingError as e:
        print(type(e).__name__, e, e.step, isinstance(e, Exception))
    else:
        print('result', r)
    finally:
        print('done', vals)
try:
    raise ValueError("bad value")
except (TypeError, ValueError) as e:
    print(repr(e), e.args)
