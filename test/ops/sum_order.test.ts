// float32 sum/mean reproduce PyTorch's accumulation order bit for bit (fixtures/gen_sums.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { float32, float64 } from '../../src/tensor/dtype.js';

interface Rec {
  shape: number[];
  sum: number;
  mean: number;
  sum0?: number[];
  sumLast?: number[];
  mean0?: number[];
  meanLastKeep?: number[];
}
interface Products {
  mkn: [number, number, number];
  mm: number[];
  mv: number[];
  dot: number;
  mm_at: number[];
  mm64: number[];
}
const fixture: {
  reductions: Rec[];
  losses: Record<string, number>;
  products: Products[];
  batched: Record<string, number[]>;
  softmax: { n: number; last: number[]; first: number[]; log_last: number[] }[];
  nll: { N: number; C: number; ce: number; ce_sum: number; nll_weight: number }[];
} = JSON.parse(
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

describe('products in the order of PyTorch\'s reference BLAS (bit-exact)', () => {
  const col = (b: ReturnType<typeof ops.fromFlat>) => ops.contiguous(ops.getitem(b, [{ start: null, stop: null, step: null }, 0]));
  for (const p of fixture.products) {
    it(`mm/mv/dot ${p.mkn}`, () => {
      const [m, k, n] = p.mkn;
      const a = ops.fromFlat(data(m * k), [m, k], float32);
      const b = ops.fromFlat(data(k * n, 11), [k, n], float32);
      expect(Array.from(ops.mm(a, b).toFlatArray())).toEqual(p.mm);
      expect(Array.from(ops.mv(a, col(b)).toFlatArray())).toEqual(p.mv);
      expect(ops.dot(ops.getitem(a, [0]), col(b)).item()).toBe(p.dot);
      expect(Array.from(ops.mm(ops.t(ops.contiguous(ops.t(a))), b).toFlatArray())).toEqual(p.mm_at);
      const a64 = ops.fromFlat(data(m * k), [m, k], float64);
      const b64 = ops.fromFlat(data(k * n, 11), [k, n], float64);
      expect(Array.from(ops.mm(a64, b64).toFlatArray())).toEqual(p.mm64);
    });
  }
  it('bmm and batched matmul', () => {
    const x3 = ops.fromFlat(data(24, 5), [2, 3, 4], float32);
    const y3 = ops.fromFlat(data(40, 7), [2, 4, 5], float32);
    const w2 = ops.fromFlat(data(20, 9), [4, 5], float32);
    expect(Array.from(ops.bmm(x3, y3).toFlatArray())).toEqual(fixture.batched.bmm);
    expect(Array.from(ops.matmul(x3, w2).toFlatArray())).toEqual(fixture.batched.matmul_3d2d);
  });
});

describe('float32 softmax in the order of ATen\'s kernels (bit-exact)', () => {
  for (const r of fixture.softmax) {
    it(`4 x ${r.n}`, () => {
      const x = ops.fromFlat(
        Array.from({ length: 4 * r.n }, (_, i) => ((((i + r.n) * 7919) % 2003) - 1001) / 397),
        [4, r.n],
        float32,
      );
      expect(Array.from(ops.softmax(x, 1).toFlatArray())).toEqual(r.last);
      expect(Array.from(ops.softmax(x, 0).toFlatArray())).toEqual(r.first);
      expect(Array.from(ops.logSoftmax(x, 1).toFlatArray())).toEqual(r.log_last);
    });
  }
});

describe('cross_entropy / nll_loss reductions in ATen\'s cascade order (bit-exact)', () => {
  for (const r of fixture.nll) {
    it(`${r.N} x ${r.C}`, () => {
      const x = ops.fromFlat(
        Array.from({ length: r.N * r.C }, (_, i) => ((((i + r.N) * 7919) % 2003) - 1001) / 97),
        [r.N, r.C],
        float32,
      );
      const t = ops.tensorFromData(Array.from({ length: r.N }, (_, i) => (i * 7) % r.C));
      const w = ops.fromFlat(
        Array.from({ length: r.C }, (_, i) => Math.abs(Math.fround(((((i + 3) * 7919) % 2003) - 1001) / 1001)) + 0.1),
        [r.C],
        float32,
      );
      expect(ops.crossEntropy(x, t).item()).toBe(r.ce);
      expect(ops.crossEntropy(x, t, null, 'sum').item()).toBe(r.ce_sum);
      expect(ops.nllLoss(x, t, w).item()).toBe(r.nll_weight);
    });
  }
});
