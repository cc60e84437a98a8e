nums = [5, 3, 8, 1, 9, 2]
nums.sort()
print(nums, nums[::-1], nums[1:4], nums[-2:])
nums.append(7); nums.insert(0, 0); nums.remove(8)
print(nums, nums.pop(), nums.index(5), len(nums))
d = {'lr': 0.1, 'epochs': 10}
d['momentum'] = 0.9
d.update({'lr': 0.01})
print(d, list(d.keys()), d.get('wd', 0.0), 'lr' in d)
for k, v in sorted(d.items()):
    print(k, v)
del d['epochs']
print(d, d.pop('lr'), d)
s = {3, 1, 2}
s.add(5)
print(sorted(s), s & {1, 5, 9}, sorted(s | {10}), sorted(s - {1}))
print({x % 3 for x in range(10)}, {k: v for k, v in zip('abc', range(3))})
