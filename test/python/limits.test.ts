import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';

const err = (src: string, opts = {}) => {
  const r = runProgram(src, opts);
  return r.error && [r.error.type, r.error.message, r.error.line];
};

describe('limits', () => {
  it('stops an endless loop with TimeoutError that except cannot swallow', () => {
    expect(err('x = 0\nwhile True:\n    x += 1\n', { maxSteps: 100_000 })).toEqual([
      'TimeoutError',
      'program exceeded the step limit (100000 steps)',
      2,
    ]);
    expect(err('try:\n    while True:\n        pass\nexcept Exception:\n    print("swallowed")\n', { maxSteps: 1000 })?.[0]).toBe('TimeoutError');
  });

  it('counts calls as steps', () => {
    expect(err('def f():\n    return 1\nfor i in range(10):\n    f()\n', { maxSteps: 15 })?.[0]).toBe('TimeoutError');
  });

  it('raises RecursionError near CPython depth, catchable, without a JS stack overflow', () => {
    const r = runProgram('def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(e)\nf(0)\n');
    expect(r.stdout).toBe('maximum recursion depth exceeded\n');
    expect(r.error).toMatchObject({ type: 'RecursionError', message: 'maximum recursion depth exceeded', line: 2 });
  });

  it('gives back the depth of the frames an exception leaves, wherever it is caught', () => {
    // Each program leaves 100 frames by an exception 30 times; a leak would make rec(990) fail.
    const deep = 'def deep(n):\n    if n == 0:\n        raise ValueError("x")\n    return deep(n - 1)\n';
    const rec = 'def rec(n):\n    return 0 if n == 0 else 1 + rec(n - 1)\nprint(rec(990))\n';
    const catchers = [
      'for i in range(30):\n    try:\n        deep(100)\n    except ValueError:\n        pass\n',
      'for i in range(30):\n    try:\n        try:\n            deep(100)\n        finally:\n            pass\n    except ValueError:\n        pass\n',
      'class W:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        return True\nfor i in range(30):\n    with W():\n        deep(100)\n',
      'class It:\n    def __iter__(self):\n        return self\n    def __next__(self):\n        if deep(100):\n            return 1\nfor i in range(30):\n    try:\n        for x in It():\n            pass\n    except ValueError:\n        pass\n',
      'def stop(n):\n    if n == 0:\n        raise StopIteration\n    return stop(n - 1)\nclass S:\n    def __iter__(self):\n        return self\n    def __next__(self):\n        return stop(100)\nfor i in range(30):\n    for x in S():\n        pass\n    next(S(), None)\n',
      'def miss(n):\n    if n == 0:\n        raise AttributeError("a")\n    return miss(n - 1)\nclass P:\n    @property\n    def a(self):\n        return miss(100)\nfor i in range(30):\n    hasattr(P(), "a")\n',
      'class G:\n    def __getitem__(self, i):\n        if i == 2:\n            raise_index(100)\n        return i\ndef raise_index(n):\n    if n == 0:\n        raise IndexError\n    return raise_index(n - 1)\nfor i in range(30):\n    for x in G():\n        pass\n',
    ];
    for (const c of catchers) {
      const r = runProgram(deep + c + rec);
      expect(r.error).toBeNull();
      expect(r.stdout).toBe('990\n');
    }
  });

  it("counts the module's frame in the recursion limit, as CPython does", () => {
    // CPython 3.11 with its default limit of 1000 prints 999
    const src = 'n = 0\ndef f(d):\n    global n\n    n = d\n    f(d + 1)\ntry:\n    f(1)\nexcept RecursionError as e:\n    print(n, e)\n';
    expect(runProgram(src, { maxDepth: 1000 }).stdout).toBe('999 maximum recursion depth exceeded\n');
  });

  it('turns a JS stack overflow into RecursionError', () => {
    const r = runProgram('def f(n):\n    return f(n + 1) + 1\nf(0)\n', { maxDepth: 10_000_000 });
    expect(r.error?.type).toBe('RecursionError');
  });

  it('refuses huge repetitions before allocating', () => {
    const t = performance.now();
    expect(err("s = 'a' * 10 ** 10\n")?.[0]).toBe('MemoryError');
    expect(err('s = [0] * 10 ** 10\n')?.[0]).toBe('MemoryError');
    expect(err('s = (1, 2) * 10 ** 12\n')?.[0]).toBe('MemoryError');
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('refuses ints beyond the bit limit', () => {
    expect(err('x = 2 ** 10 ** 9\n')?.[0]).toBe('MemoryError');
    expect(err('x = 1 << 10 ** 9\n')?.[0]).toBe('MemoryError');
    expect(err('x = 2 ** 1000\nprint(len(str(x)))\n')).toBeNull();
  });

  it('stops printing past the output limit and keeps what fit', () => {
    const r = runProgram("for i in range(1000):\n    print('0123456789')\n", { maxOutputBytes: 55 });
    expect(r.stdout).toBe('0123456789\n'.repeat(5));
    expect(r.error).toMatchObject({ type: 'OutputLimitError', line: 2 });
  });

  it('refuses int to str conversion beyond 4300 digits like CPython 3.11', () => {
    expect(err('print(10 ** 5000)\n')).toEqual([
      'ValueError',
      'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit',
      1,
    ]);
  });
});
