students = [("ann", 90, 20), ("bob", 85, 22), ("cid", 90, 19), ("dee", 70, 22)]
print(sorted(students, key=lambda s: (-s[1], s[0])))
print(sorted(students, key=lambda s: s[2], reverse=True))
print(sorted(["banana", "Apple", "cherry"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
print(sorted({3: 'c', 1: 'a'}.items()), sorted("hello"), sorted([3, 1, 2], reverse=True))
words = "the quick brown fox jumps over the lazy dog".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(max(freq, key=freq.get), sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(min(students, key=lambda s: s[1])[0], list(enumerate("ab", 1)))
