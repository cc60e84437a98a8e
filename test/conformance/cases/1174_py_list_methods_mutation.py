xs = [5, 3, 8, 1]
ys = xs
ys.append(7)
xs.insert(0, 0)
print(xs, ys is xs)
xs.sort(reverse=True)
print(xs, xs.index(3), xs.count(8))
popped = xs.pop()
xs.remove(8)
print(popped, xs)
zs = xs[:]
zs.extend([9, 9])
print(xs, zs, zs[::-2], zs[-3:])
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m, [row[:] for row in m] == m)
del zs[1:3]
print(zs, list(reversed(zs)), any(z > 8 for z in zs), all(zs))
