import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/service/result-cache.js';

/** A run that counts how often it really ran. */
function counter(value: unknown, keep = true) {
  const calls = { n: 0 };
  const run = async () => {
    calls.n++;
    return { value, keep };
  };
  return { calls, run };
}

describe('ResultCache', () => {
  it('answers a repeated request without running it again', async () => {
    const cache = new ResultCache<unknown>(4, 1000);
    const { calls, run } = counter({ ok: true });
    expect(await cache.answer('a', run)).toEqual({ ok: true });
    expect(await cache.answer('a', run)).toEqual({ ok: true });
    expect(calls.n).toBe(1);
  });

  it('shares one run among identical requests in flight', async () => {
    const cache = new ResultCache<unknown>(4, 1000);
    const { calls, run } = counter('x');
    expect(await Promise.all([cache.answer('k', run), cache.answer('k', run), cache.answer('k', run)])).toEqual(['x', 'x', 'x']);
    expect(calls.n).toBe(1);
  });

  it("keeps no refusal of the pool's, and no answer over the size bound", async () => {
    const cache = new ResultCache<unknown>(4, 10);
    const refused = counter('timeout', false);
    await cache.answer('t', refused.run);
    await cache.answer('t', refused.run);
    expect(refused.calls.n).toBe(2);
    const big = counter({ stdout: 'x'.repeat(50) });
    await cache.answer('b', big.run);
    await cache.answer('b', big.run);
    expect(big.calls.n).toBe(2);
  });

  it('forgets the least recently used answer first', async () => {
    const cache = new ResultCache<unknown>(2, 1000);
    const a = counter('a');
    const b = counter('b');
    const c = counter('c');
    await cache.answer('a', a.run);
    await cache.answer('b', b.run);
    await cache.answer('a', a.run); // a is now the most recent
    await cache.answer('c', c.run); // evicts b
    await cache.answer('a', a.run);
    await cache.answer('b', b.run);
    expect([a.calls.n, b.calls.n, c.calls.n]).toEqual([1, 2, 1]);
  });

  it('runs every time when it holds no entries, and passes failures on', async () => {
    const cache = new ResultCache<unknown>(0, 1000);
    const { calls, run } = counter('v');
    await cache.answer('k', run);
    await cache.answer('k', run);
    expect(calls.n).toBe(2);
    const failing = new ResultCache<unknown>(4, 1000);
    await expect(failing.answer('f', () => Promise.reject(new Error('queue full')))).rejects.toThrow('queue full');
    const again = counter('ok');
    expect(await failing.answer('f', again.run)).toBe('ok');
  });
});
