import random
random.seed(7)
print(random.sample(range(100), 5), random.choice(range(10, 20)), random.sample(range(0, 50, 5), 3))
xs = list(range(8))
random.shuffle(xs)
print(xs, random.choices(range(3), k=4), random.sample('abcdef', 2))
