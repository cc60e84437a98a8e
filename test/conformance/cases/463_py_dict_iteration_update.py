scores = {'alice': 3, 'bob': 5}
scores['carol'] = 4
for name in sorted(scores, key=scores.get, reverse=True):
    print(name, scores[name])
print(list(scores.items())[0], len(scores), 'dave' in scores)
merged = {**scores, 'dave': 1}
print(merged)
inv = {v: k for k, v in scores.items()}
print(inv)
print(scores.pop('bob'), scores)
total = sum(scores.values())
keys = list(scores)
