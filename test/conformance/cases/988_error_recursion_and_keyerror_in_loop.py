cfg = {'lr': 0.1, 'steps': 3}
for key in ['lr', 'steps', 'momentum']:
    print(key, cfg[key])
