/** The optimizers' float32 fused multiply-add (src/torch/optim/arith.ts) against exact BigInt arithmetic. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { F32 } from '../../src/torch/optim/arith.js';

const SCALE = 2 ** 200;
/** x as an exact integer multiple of 2**-200 (the test's values stay in [2**-60, 2**40]). */
const exact = (x: number): bigint => BigInt(x * SCALE);
const next32 = (x: number, dir: 1 | -1): number => {
  const b = new Float32Array([x]);
  const u = new Uint32Array(b.buffer);
  u[0] += (x > 0) === (dir > 0) ? 1 : -1;
  return b[0];
};
const evenMantissa = (x: number): boolean => (new Uint32Array(new Float32Array([x]).buffer)[0] & 1) === 0;

/** a*b + c correctly rounded to float32: the nearest of fround's neighbourhood, ties to even. */
function reference(a: number, b: number, c: number): number {
  const target = exact(a) * exact(b) + exact(c) * BigInt(SCALE);
  const r = Math.fround(a * b + c);
  let best = r;
  let bestDist = -1n;
  for (const cand of [next32(r, -1), r, next32(r, 1)]) {
    let d = exact(cand) * BigInt(SCALE) - target;
    if (d < 0n) d = -d;
    if (bestDist < 0n || d < bestDist || (d === bestDist && evenMantissa(cand))) {
      best = cand;
      bestDist = d;
    }
  }
  return best;
}

const f32 = fc
  .tuple(fc.integer({ min: -(2 ** 24) + 1, max: 2 ** 24 - 1 }), fc.integer({ min: -30, max: 10 }))
  .filter(([m]) => m !== 0)
  .map(([m, e]) => Math.fround(m * 2 ** e));

describe('float32 fma', () => {
  it('is correctly rounded on random float32 operands', () => {
    fc.assert(fc.property(f32, f32, f32, (a, b, c) => Object.is(F32.fma(a, b, c), reference(a, b, c))), { numRuns: 3000 });
  });
  it('rounds a double-rounding tie the right way', () => {
    // p = 1 + 2^-11 + 2^-24 is a float32 midpoint; the tiny c puts the exact sum above it
    const a = 1 + 2 ** -12;
    const c = 2 ** -60;
    expect(Math.fround(a * a + c)).toBe(1 + 2 ** -11);
    expect(F32.fma(a, a, c)).toBe(1 + 2 ** -11 + 2 ** -23);
    expect(F32.fma(a, a, -c)).toBe(1 + 2 ** -11);
    expect(F32.fma(-a, a, -c)).toBe(-(1 + 2 ** -11 + 2 ** -23));
  });
});
