// float32 sum/mean reproduce PyTorch's accumulation order bit for bit (fixtures/gen_sums.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { float32 } from '../../src/tensor/dtype.js';

interface Rec {
  shape: number[];
  sum: number;
  mean: number;
  sum0?: number[];
  sumLast?: number[];
  mean0?: number[];
  meanLastKeep?: number[];
}
const fixture: { reductions: Rec[]; losses: Record<string, number> } = JSON.parse(
  readFileSync(new URL('./fixtures/sums.json', import.meta.url), 'utf8'),
);
const recs = fixture.reductions;
const data = (n: number, k = 0) => Array.from({ length: n }, (_, i) => ((((i + k) * 7919) % 2003) - 1001) / 97);

describe('float32 reductions in PyTorch order', () => {
  for (const r of recs) {
    it(`shape [${r.shape}]`, () => {
      const x = ops.fromFlat(data(r.shape.reduce((a, b) => a * b, 1)), r.shape, float32);
      expect(ops.sum(x).item()).toBe(r.sum);
      expect(ops.mean(x).item()).toBe(r.mean);
      if (r.sum0) {
        expect(Array.from(ops.sum(x, 0).toFlatArray())).toEqual(r.sum0);
        expect(Array.from(ops.sum(x, -1).toFlatArray())).toEqual(r.sumLast);
        expect(Array.from(ops.mean(x, 0).toFlatArray())).toEqual(r.mean0);
        expect(Array.from(ops.mean(x, -1, true).toFlatArray())).toEqual(r.meanLastKeep);
      }
    });
  }
});

describe('float32 loss reductions in PyTorch order', () => {
  it('mse, smooth_l1, l1', () => {
    const a = ops.fromFlat(data(300), [30, 10], float32);
    const b = ops.fromFlat(data(300, 17), [30, 10], float32);
    expect(ops.mseLoss(a, b).item()).toBe(fixture.losses.mse);
    expect(ops.mseLoss(a, b, 'sum').item()).toBe(fixture.losses.mse_sum);
    expect(ops.smoothL1Loss(a, b).item()).toBe(fixture.losses.smooth_l1);
    expect(ops.l1Loss(a, b).item()).toBe(fixture.losses.l1);
  });
});
