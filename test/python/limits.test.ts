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
