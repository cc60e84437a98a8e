// Property test: every differentiable op's gradient equals central finite differences in
// float64 on random shapes (with broadcasting), and elementwise ops' second derivatives
// (create_graph) equal finite differences of their first derivatives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { grad } from '../../src/autograd/engine.js';
import { enterDualLevel, exitDualLevel, makeDual, unpackDual } from '../../src/autograd/forward_ad.js';
import { withGradMode } from '../../src/autograd/grad_mode.js';
import { float64 } from '../../src/tensor/dtype.js';
import type { Tensor } from '../../src/tensor/tensor.js';

type Domain = 'any' | 'pos' | 'unit';
interface Spec {
  arity: number;
  domain: Domain[];
  op: (...xs: Tensor[]) => Tensor;
  /** all inputs share one shape (no broadcasting) */
  same?: boolean;
  elementwise?: boolean;
  minDims?: number;
}

const U = (op: (x: Tensor) => Tensor, domain: Domain = 'any'): Spec => ({ arity: 1, domain: [domain], op, elementwise: true });
const B = (op: (a: Tensor, b: Tensor) => Tensor, d1: Domain = 'any', d2: Domain = 'any'): Spec => ({ arity: 2, domain: [d1, d2], op, elementwise: true });
const R = (op: (x: Tensor) => Tensor, minDims = 0, domain: Domain = 'any'): Spec => ({ arity: 1, domain: [domain], op, minDims });

const SPECS: Record<string, Spec> = {
  add: B(ops.add), sub: B(ops.sub), mul: B(ops.mul), div: B(ops.div, 'any', 'pos'), pow: B(ops.pow, 'pos', 'any'),
  maximum: B(ops.maximum), minimum: B(ops.minimum), rsub: U((x) => ops.rsub(x, 2)), rdiv: U((x) => ops.rdiv(x, 3), 'pos'),
  pow3: U((x) => ops.pow(x, 3)), neg: U(ops.neg), exp: U(ops.exp), log: U(ops.log, 'pos'), log2: U(ops.log2, 'pos'),
  log10: U(ops.log10, 'pos'), log1p: U(ops.log1p, 'pos'), expm1: U(ops.expm1), sin: U(ops.sin), cos: U(ops.cos),
  tan: U(ops.tan, 'unit'), asin: U(ops.asin, 'unit'), acos: U(ops.acos, 'unit'), atan: U(ops.atan), sinh: U(ops.sinh),
  cosh: U(ops.cosh), tanh: U(ops.tanh), sigmoid: U(ops.sigmoid), relu: U(ops.relu), sqrt: U(ops.sqrt, 'pos'),
  abs: U(ops.abs), reciprocal: U(ops.reciprocal, 'pos'), clamp: U((x) => ops.clamp(x, -0.5, 0.5)),
  where: { arity: 2, domain: ['any', 'any'], op: (a, b) => ops.where(ops.gt(a, 0), a, b) },
  sum: R((x) => ops.sum(x)), sumDim: R((x) => ops.sum(x, 0, true), 1), mean: R((x) => ops.mean(x)),
  meanDim: R((x) => ops.mean(x, -1), 1), prod: R((x) => ops.prod(x)), max: R(ops.maxAll), min: R(ops.minAll),
  maxDim: R((x) => ops.maxDim(x, 0)[0], 1), amax: R((x) => ops.amax(x, -1), 1),
  var: R((x) => ops.variance(x, null, 0)), std: R((x) => ops.std(x, null, 0)), norm: R((x) => ops.norm(x), 0, 'pos'),
  logsumexp: R((x) => ops.logsumexp(x, 0), 1), cumsum: R((x) => ops.cumsum(x, 0), 1), cumprod: R((x) => ops.cumprod(x, 0), 1, 'pos'),
  softmax: R((x) => ops.softmax(x, -1), 1), logSoftmax: R((x) => ops.logSoftmax(x, 0), 1),
  transposeReshape: R((x) => ops.reshape(ops.transpose(x, 0, -1), [-1]), 1), flip: R((x) => ops.flip(x, [0]), 1),
  repeat: R((x) => ops.repeat(x, [2, ...x.shape.map(() => 2)])), index: R((x) => ops.getitem(x, [ops.gt(x, 0)])),
  matmul: { arity: 2, domain: ['any', 'any'], op: (a, b) => ops.matmul(a, ops.transpose(b, -1, -2)), same: true, minDims: 2 },
  cat: { arity: 2, domain: ['any', 'any'], op: (a, b) => ops.cat([a, b], 0), same: true, minDims: 1 },
  stack: { arity: 2, domain: ['any', 'any'], op: (a, b) => ops.stack([a, b], 0), same: true },
  mse: { arity: 2, domain: ['any', 'any'], op: (a, b) => ops.mseLoss(a, b), same: true },
  bceLogits: { arity: 2, domain: ['any', 'unit'], op: (a, b) => ops.binaryCrossEntropyWithLogits(a, b), same: true },
  smoothL1: { arity: 2, domain: ['any', 'any'], op: (a, b) => ops.smoothL1Loss(a, b), same: true },
};

/**
 * Values on a coarse grid plus a per-position offset, unique within a tensor: no ties
 * (max, maximum), nothing within the finite-difference step of a kink (0 for abs/relu,
 * clamp's bounds at +-0.5).
 */
function values(d: Domain, n: number, k: number) {
  const range = d === 'pos' ? [20, 200] : d === 'unit' ? [-75, 75] : [-190, 190];
  return fc.uniqueArray(fc.integer({ min: range[0], max: range[1] }), { minLength: n, maxLength: n }).map((ints) =>
    ints.map((i, j) => {
      const off = 0.0013 * Math.SQRT2 * (j + 1) + 0.00071 * (k + 1);
      return i / 100 + (i === 0 ? 0.017 : 0) + off + (i === 50 || i === -50 ? 0.021 : 0);
    }),
  );
}

/** A shape of 0..3 dims (sizes 1..3) and, for broadcasting, a second shape made by dropping leading dims / setting some to 1. */
const shapes = (minDims: number) =>
  fc.array(fc.integer({ min: 1, max: 3 }), { minLength: Math.max(minDims, 0), maxLength: 3 }).chain((s) =>
    fc.tuple(fc.constant(s), fc.integer({ min: 0, max: s.length }), fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length })),
  );

function tensorOf(vals: number[], shape: number[]): Tensor {
  const t = ops.fromFlat(vals, shape, float64);
  t.requiresGrad = true;
  return t;
}

/** Deterministic non-uniform weights so the loss sum(w * y) tests every output element differently. */
const weights = (y: Tensor): Tensor => ops.fromFlat(Array.from({ length: y.numel() }, (_, i) => 0.3 + 0.7 * Math.cos(i + 1)), y.shape, float64);
const loss = (spec: Spec, xs: Tensor[]): Tensor => {
  const y = spec.op(...xs);
  return ops.sum(ops.mul(y, weights(y)));
};

function numericGrad(spec: Spec, xs: Tensor[], k: number): number[] {
  const h = 1e-6;
  const out: number[] = [];
  const x = xs[k];
  for (let i = 0; i < x.numel(); i++) {
    const orig = x.data[i];
    x.data[i] = orig + h;
    const up = withGradMode(false, () => loss(spec, xs).item());
    x.data[i] = orig - h;
    const down = withGradMode(false, () => loss(spec, xs).item());
    x.data[i] = orig;
    out.push((up - down) / (2 * h));
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 + 1e-4 * Math.abs(b);

function inputs(spec: Spec) {
  return shapes(spec.minDims ?? 0).chain(([shape, drop, ones]) => {
    const second = spec.same ? shape : shape.slice(drop).map((s, i) => (ones[i + drop] ? 1 : s));
    const all = spec.arity === 1 ? [shape] : [shape, second];
    return fc.tuple(
      ...all.map((s, k) => values(spec.domain[k], s.reduce((a, b) => a * b, 1), k)),
    ).map((vals) => vals.map((v, k) => ({ vals: v, shape: all[k] })));
  });
}

describe('gradients match finite differences (float64, random shapes)', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(name, () => {
      fc.assert(
        fc.property(inputs(spec), (ins) => {
          const xs = ins.map((i) => tensorOf(i.vals, i.shape));
          const gs = grad([loss(spec, xs)], xs, null, { allowUnused: true });
          xs.forEach((x, k) => {
            const num = numericGrad(spec, xs, k);
            const an = gs[k] === null ? new Float64Array(x.numel()) : gs[k]!.toFlatArray();
            num.forEach((v, i) => expect(close(an[i], v), `${name} input ${k} element ${i}: autograd ${an[i]} vs numeric ${v}`).toBe(true));
          });
        }),
        { numRuns: 25, seed: 42 },
      );
    });
  }
});

describe('second derivatives of elementwise ops (create_graph)', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    if (!spec.elementwise || ['relu', 'abs', 'clamp', 'maximum', 'minimum'].includes(name)) continue;
    it(name, () => {
      fc.assert(
        fc.property(inputs(spec), (ins) => {
          const xs = ins.map((i) => tensorOf(i.vals, i.shape));
          // first derivative d/dx0 of loss, as a function of the inputs, evaluated with create_graph
          const firstSum = (): Tensor => {
            const [g] = grad([loss(spec, xs)], [xs[0]], null, { createGraph: true });
            return ops.sum(ops.mul(g!, weights(g!)));
          };
          const first = firstSum();
          // a constant first derivative (add, neg, ...) has no graph: the second derivative is 0
          const second = first.requiresGrad ? grad([first], xs, null, { allowUnused: true }) : xs.map(() => null);
          const h = 1e-5;
          xs.forEach((x, k) => {
            for (let i = 0; i < x.numel(); i++) {
              const orig = x.data[i];
              x.data[i] = orig + h;
              const up = firstSum().item();
              x.data[i] = orig - h;
              const down = firstSum().item();
              x.data[i] = orig;
              const num = (up - down) / (2 * h);
              const an = second[k] === null ? 0 : second[k]!.toFlatArray()[i];
              expect(Math.abs(an - num) <= 1e-4 + 1e-3 * Math.abs(num), `${name} d2 input ${k} element ${i}: ${an} vs ${num}`).toBe(true);
            }
          });
        }),
        { numRuns: 15, seed: 7 },
      );
    });
  }
});

/** Ops whose jvp (forward-mode) is declared; checked as directional derivatives. */
const FORWARD = Object.keys(SPECS).filter(
  (n) => SPECS[n].elementwise || ['where', 'sum', 'sumDim', 'mean', 'meanDim', 'softmax', 'logSoftmax', 'transposeReshape', 'flip', 'repeat', 'matmul', 'cat', 'stack'].includes(n),
);

describe('forward-mode jvp matches directional finite differences', () => {
  for (const name of FORWARD) {
    const spec = SPECS[name];
    it(name, () => {
      fc.assert(
        fc.property(inputs(spec), (ins) => {
          const xs = ins.map((i) => ops.fromFlat(i.vals, i.shape, float64));
          const vs = xs.map((x) => ops.fromFlat(Array.from({ length: x.numel() }, (_, i) => Math.sin(3 * i + 1)), x.shape, float64));
          enterDualLevel();
          let jvp: Float64Array;
          try {
            const { primal, tangent } = unpackDual(spec.op(...xs.map((x, k) => makeDual(x, vs[k]))));
            jvp = tangent === null ? new Float64Array(primal.numel()) : tangent.toFlatArray();
            expect(tangent?.shape ?? primal.shape).toEqual(primal.shape);
            expect(primal.tangent).toBeNull();
          } finally {
            exitDualLevel();
          }
          const h = 1e-6;
          const at = (sgn: number) => spec.op(...xs.map((x, k) => ops.add(x, ops.mul(vs[k], sgn * h)))).toFlatArray();
          const up = at(1);
          const down = at(-1);
          up.forEach((u, i) => {
            const num = (u - down[i]) / (2 * h);
            expect(close(jvp[i], num), `${name} element ${i}: jvp ${jvp[i]} vs numeric ${num}`).toBe(true);
          });
        }),
        { numRuns: 20, seed: 3 },
      );
    });
  }
});
