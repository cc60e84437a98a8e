s = "  Gradient Descent  "
t = s.strip()
print(t.lower().replace(' ', '_'), t.split(' ')[1][::-1], t.isalpha(), 'abc123'.isalnum())
print(t.ljust(20, '.') + '|', t.rjust(20) + '|', t.endswith('Descent'), t.count('e'))
print('x={0:.2f}, y={1:>4}'.format(3.14159, 7), f"{'ok':*^10}", '%s:%5.1f' % ('loss', 0.12345))
print(ord('A') + 1, chr(97 + 2), 'ab' < 'b', 'Z' < 'a', str(3) * 3, list('abc'))
