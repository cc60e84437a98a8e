class TrainingError(Exception):
    pass

def check(loss):
    if loss != loss:
        raise TrainingError("loss is nan")
    if loss < 0:
        raise ValueError(f"negative loss {loss}")
    return loss

for l in [0.5, -1.0, float('nan')]:
    try:
        r = check(l)
    except TrainingError as e:
        print("training:", e)
    except ValueError as e:
        print("value:", e, e.args)
    else:
        print("ok", r)
    finally:
        print("done", l)
try:
    raise KeyError('missing')
except KeyError as e:
    print(repr(e), str(e))
try:
    [][0]
except IndexError as e:
    print(e)
try:
    int("abc")
except ValueError as e:
    print(e)
