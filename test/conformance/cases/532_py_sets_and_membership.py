s = {3, 1, 2}
s.add(4)
s.discard(1)
print(sorted(s), len(s), 2 in s, {1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2})
words = "the cat and the hat".split()
print(sorted(set(words)), len(set(words)))
print(list(dict.fromkeys(words)))
