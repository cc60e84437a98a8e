import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dtypes, float32 } from '../../src/tensor/dtype.js';
import { CpuGenerator, defaultGenerator, fma, fmaf } from '../../src/tensor/random.js';
import { toHalf } from '../../src/tensor/dtype.js';

interface Op {
  op: 'rand' | 'randn' | 'randint' | 'randperm';
  n: number;
  dtype?: 'float32' | 'float64' | 'float16';
  low?: number;
  high?: number;
  mean?: number;
  std?: number;
}
interface Case {
  seed: string;
  initial_seed: string;
  ops: Op[];
  results: number[][];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/random.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

function draw(g: CpuGenerator, op: Op): Float64Array {
  const dtype = op.dtype ? dtypes[op.dtype] : float32;
  switch (op.op) {
    case 'rand':
      return g.uniform(op.n, dtype, op.low, op.high);
    case 'randn':
      return g.normal(op.n, dtype, op.mean, op.std);
    case 'randint':
      return g.randint(op.low!, op.high!, op.n);
    case 'randperm':
      return g.randperm(op.n);
  }
}

/**
 * float64 normals go through libm log/sin/cos, whose last bit differs between glibc
 * (PyTorch) and V8 in a few percent of inputs; everything else must be bit-exact.
 */
const usesLibmInDouble = (op: Op) => op.op === 'randn' && op.dtype === 'float64';

describe('CpuGenerator against streams recorded from PyTorch 1.13', () => {
  it.each(fixture.cases.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    const g = new CpuGenerator();
    g.manualSeed(BigInt(c.seed));
    expect(String(g.initialSeed())).toBe(c.initial_seed);
    c.ops.forEach((op, k) => {
      const got = Array.from(draw(g, op));
      const want = c.results[k];
      if (usesLibmInDouble(op)) {
        expect(got.length).toBe(want.length);
        got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(want[i]))));
      } else {
        expect(got, `op ${k} ${JSON.stringify(op)}`).toEqual(want);
      }
    });
  });

  it('covers every path: scalar and vectorised normals, random64 randint, uniform ranges', () => {
    const ops = fixture.cases.flatMap((c) => c.ops);
    expect(ops.some((o) => o.op === 'randn' && o.n < 16 && o.dtype === 'float32')).toBe(true);
    expect(ops.some((o) => o.op === 'randn' && o.n >= 16 && o.n % 16 !== 0 && o.dtype === 'float32')).toBe(true);
    expect(ops.some((o) => o.op === 'randn' && o.mean !== undefined && o.dtype === 'float32' && o.n >= 16)).toBe(true);
    expect(ops.some((o) => o.op === 'randint' && o.high! - o.low! >= 2 ** 32)).toBe(true);
    expect(ops.some((o) => o.op === 'rand' && o.low !== undefined && o.dtype === 'float64')).toBe(true);
  });
});

describe('PyTorch facts', () => {
  it('manual_seed(0) then rand(3) is [0.4963, 0.7682, 0.0885]', () => {
    const g = new CpuGenerator(0);
    expect(Array.from(g.uniform(3, float32), (v) => v.toFixed(4))).toEqual(['0.4963', '0.7682', '0.0885']);
  });

  it('the default generator starts from PyTorch default seed', () => {
    expect(new CpuGenerator().initialSeed()).toBe(67280421310721);
    expect(defaultGenerator).toBeInstanceOf(CpuGenerator);
  });

  it('case 052: randn(3) then randn(2, 3) after manual_seed(0)', () => {
    const g = new CpuGenerator(0);
    const show = (a: Float64Array) => Array.from(a, (v) => v.toFixed(4));
    expect(show(g.normal(3, float32))).toEqual(['1.5410', '-0.2934', '-2.1788']);
    expect(show(g.normal(6, float32))).toEqual(['0.5684', '-1.0845', '-1.3986', '0.4033', '0.8380', '-0.7193']);
  });

  it('case 202: randn(4, 4) takes the vectorised path, then randint and rand_like', () => {
    const g = new CpuGenerator(2024);
    const show = (a: Float64Array) => Array.from(a, (v) => v.toFixed(4));
    expect(show(g.normal(16, float32)).slice(0, 4)).toEqual(['-1.2262', '-0.0093', '1.5420', '-0.4657']);
    expect(show(g.normal(20, float32)).slice(-2)).toEqual(['-0.9810', '1.6002']);
    expect(Array.from(g.randint(0, 5, 6))).toEqual([2, 3, 2, 1, 4, 1]);
    expect(Array.from(g.randint(0, 10, 6))).toEqual([7, 2, 4, 9, 4, 2]);
    expect(show(g.uniform(4, float32))).toEqual(['0.1806', '0.8887', '0.0568', '0.7643']);
  });
});

describe('fused multiply-add emulation', () => {
  it('fmaf rounds once where float(a * b) + c rounds twice', () => {
    const a = Math.fround(1 + 2 ** -12);
    // a * a = 1 + 2**-11 + 2**-24: fused, the 2**-24 survives against c = -1
    expect(fmaf(a, a, -1)).toBe(2 ** -11 + 2 ** -24);
    expect(Math.fround(Math.fround(a * a) - 1)).toBe(2 ** -11);
  });

  it('fmaf breaks a double-rounding tie by the exact remainder', () => {
    const a = Math.fround(1 + 2 ** -12);
    // a * a = 1 + 2**-11 + 2**-24 is a float32 midpoint; the 2**-80 lost in the double
    // sum must still push it up
    expect(fmaf(a, a, 2 ** -80)).toBe(1 + 2 ** -11 + 2 ** -23);
    expect(Math.fround(a * a + 2 ** -80)).toBe(1 + 2 ** -11);
    expect(fmaf(a, a, 0)).toBe(1 + 2 ** -11);
  });

  it('fma (double) keeps the bits of the product below the last place', () => {
    const a = 1 + 2 ** -30;
    expect(fma(a, a, -1)).toBe(2 ** -29 + 2 ** -60);
    expect(a * a - 1).toBe(2 ** -29);
    expect(fma(-a, a, 1)).toBe(-(2 ** -29 + 2 ** -60));
    expect(fma(3, 5, 0)).toBe(15);
  });
});

describe('toHalf', () => {
  it('rounds to the nearest float16, ties to even, with subnormals and overflow', () => {
    expect(toHalf(0.1)).toBe(0.0999755859375);
    expect(toHalf(1 + 2 ** -11)).toBe(1); // tie, even
    expect(toHalf(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9); // tie, even upwards
    expect(toHalf(65504)).toBe(65504);
    expect(toHalf(65519.99)).toBe(65504);
    expect(toHalf(-65520)).toBe(-Infinity);
    expect(toHalf(3 * 2 ** -25)).toBe(2 ** -23); // subnormal tie
    expect(toHalf(2 ** -26)).toBe(0);
    expect(Object.is(toHalf(-0), -0)).toBe(true);
    expect(Number.isNaN(toHalf(NaN))).toBe(true);
  });
});
