# Pure Python: nested loops, integer and float arithmetic, list appends, function calls.
def f(a, b):
    return a * b + 1

def main():
    total = 0
    xs = []
    for i in range(1000):
        for j in range(1000):
            total += f(i, j) % 7
            if j % 100 == 0:
                xs.append(total)
    acc = 0.0
    k = 0
    while k < 1000000:
        acc = acc + k * 0.5 - 1.0
        k += 1
    print(total, len(xs), acc)

main()
