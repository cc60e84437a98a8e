counter = 0

def bump(n):
    global counter
    for _ in range(n):
        counter += 1

bump(3)
i = 0
while i < 3:
    i += 1
else:
    print('while ended', i)
print(counter)
x = [1, 2, 3]
del x[0]
print(x, sum(x) / len(x))
