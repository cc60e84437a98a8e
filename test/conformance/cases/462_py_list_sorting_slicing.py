data = [5, 3, 8, 1, 9, 2]
print(sorted(data), sorted(data, key=lambda v: -v)[:3])
data.sort(reverse=True)
print(data, data[1:-1], data[::3])
pairs = [(2, 'b'), (1, 'z'), (2, 'a')]
print(sorted(pairs), max(pairs), min(pairs, key=lambda p: p[1]))
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 7
print(grid, [sum(r) for r in grid])
print(list(zip(*grid)), [i * j for i in range(3) for j in range(2)])
a = data.copy()
a.clear()
print(a, data, len(data), data.count(8))
