/** torch.nn.functional losses, with PyTorch's nodes (MseLossBackward0, NllLossBackward0, ...). */
import { bool, float32, int64 } from '../tensor/dtype.js';
import { indexError, runtimeError, valueError, warn } from '../tensor/errors.js';
import { broadcastShapes, sameShape, sizeRepr } from '../tensor/shape.js';
import { type Tensor, contiguousData } from '../tensor/tensor.js';
import { div, mul, mulScalar, neg, sub } from './arith.js';
import { zeros } from './creation.js';
import { make, mapBinary } from './kernels.js';
import { sumF32 } from './sum_f32.js';
import { logSoftmax, mean, sum } from './reduce.js';
import { backwardFn, needsGrad, needsGrad2, record } from './registry.js';
import { abs, sigmoid } from './unary.js';
import { expand } from './views.js';

export type Reduction = 'mean' | 'sum' | 'none';

function checkReduction(r: string): Reduction {
  if (r !== 'mean' && r !== 'sum' && r !== 'none') throw valueError(`${r} is not a valid value for reduction`);
  return r;
}

/** Reduce elementwise losses to the requested form (raw numbers, no history). */
function reduceRaw(values: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'none') return values;
  // as loss.sum() / loss.mean() (float32: PyTorch's accumulation order, then divide)
  const d = contiguousData(values);
  let s = 0;
  if (values.dtype === float32) s = Math.fround(sumF32(d, 0, d.length));
  else for (let i = 0; i < d.length; i++) s += d[i];
  const out = make(values.dtype.alloc(1), [], values.dtype);
  out.data[0] = reduction === 'mean' ? s / d.length : s;
  return out;
}

/** The incoming gradient as an elementwise one (expanded; divided by N for 'mean'). */
function spread(g: Tensor, shape: readonly number[], reduction: Reduction): Tensor {
  if (reduction === 'none') return g;
  const e = expand(g, shape);
  if (reduction === 'sum') return e;
  const n = shape.reduce((a, b) => a * b, 1);
  return div(e, n);
}

interface PointwiseLoss {
  gradFn: string;
  value: (x: number, t: number) => number;
  dInput: (g: Tensor, x: Tensor, t: Tensor) => Tensor;
  dTarget: (g: Tensor, x: Tensor, t: Tensor) => Tensor;
}

function pointwise(def: PointwiseLoss) {
  const fn = backwardFn(def.gradFn, (n, [g]) => {
    const x = n.unpack(0);
    const t = n.unpack(1);
    const ge = spread(g!, x.shape, n.ctx as Reduction);
    return [n.next[0] ? def.dInput(ge, x, t) : null, n.next[1] ? def.dTarget(ge, x, t) : null];
  });
  return (input: Tensor, target: Tensor, reduction: Reduction): Tensor => {
    const out = reduceRaw(mapBinary(input, target, input.dtype, def.value), reduction);
    if (needsGrad2(input, target)) {
      const node = record(out, fn, [input, target], reduction);
      node.save(input);
      node.save(target);
    }
    return out;
  };
}

/** Broadcast input and target when their sizes differ, with PyTorch's UserWarning. */
function broadcastPair(input: Tensor, target: Tensor): [Tensor, Tensor] {
  if (sameShape(input.shape, target.shape)) return [input, target];
  warn(
    'UserWarning',
    `Using a target size (${sizeRepr(target.shape)}) that is different to the input size (${sizeRepr(input.shape)}). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.`,
  );
  const shape = broadcastShapes(input.shape, target.shape);
  return [expand(input, shape), expand(target, shape)];
}

const mse = pointwise({
  gradFn: 'MseLossBackward0',
  value: (x, t) => (x - t) * (x - t),
  dInput: (g, x, t) => mul(mulScalar(sub(x, t), 2), g),
  dTarget: (g, x, t) => mul(mulScalar(sub(x, t), -2), g),
});
export function mseLoss(input: Tensor, target: Tensor, reduction: string = 'mean'): Tensor {
  const [x, t] = broadcastPair(input, target);
  return mse(x, t, checkReduction(reduction));
}

/** F.l1_loss is composite in 1.13: mean(abs(input - target)) — hence MeanBackward0 at the top. */
export function l1Loss(input: Tensor, target: Tensor, reduction: string = 'mean'): Tensor {
  const [x, t] = broadcastPair(input, target);
  const r = checkReduction(reduction);
  const e = abs(sub(x, t));
  return r === 'none' ? e : r === 'sum' ? sum(e) : mean(e);
}

function smoothL1(beta: number) {
  return pointwise({
    gradFn: 'SmoothL1LossBackward0',
    value: (x, t) => {
      const d = Math.abs(x - t);
      return d < beta ? (0.5 * d * d) / beta : d - 0.5 * beta;
    },
    dInput: (g, x, t) => mul(g, slope(x, t, beta)),
    dTarget: (g, x, t) => mul(g, neg(slope(x, t, beta))),
  });
}
const slope = (x: Tensor, t: Tensor, beta: number): Tensor =>
  mapBinary(x, t, x.dtype, (a, b) => {
    const d = a - b;
    return Math.abs(d) < beta ? d / beta : Math.sign(d);
  });

export function smoothL1Loss(input: Tensor, target: Tensor, reduction: string = 'mean', beta = 1): Tensor {
  const [x, t] = broadcastPair(input, target);
  return smoothL1(beta)(x, t, checkReduction(reduction));
}

const bce = pointwise({
  gradFn: 'BinaryCrossEntropyBackward0',
  value: (x, t) => -(t * Math.max(Math.log(x), -100) + (1 - t) * Math.max(Math.log(1 - x), -100)),
  dInput: (g, x, t) => mul(g, mapBinary(x, t, x.dtype, (a, b) => (a - b) / Math.max((1 - a) * a, 1e-12))),
  dTarget: (g, x) => mul(g, mapBinary(x, x, x.dtype, (a) => Math.max(Math.log(1 - a), -100) - Math.max(Math.log(a), -100))),
});

export function binaryCrossEntropy(input: Tensor, target: Tensor, reduction: string = 'mean'): Tensor {
  if (!sameShape(input.shape, target.shape)) {
    throw valueError(
      `Using a target size (${sizeRepr(target.shape)}) that is different to the input size (${sizeRepr(input.shape)}) is deprecated. Please ensure they have the same size.`,
    );
  }
  const d = contiguousData(input);
  for (let i = 0; i < d.length; i++) {
    if (!(d[i] >= 0 && d[i] <= 1)) throw runtimeError('all elements of input should be between 0 and 1');
  }
  return bce(input, target, checkReduction(reduction));
}

const bceLogits = pointwise({
  gradFn: 'BinaryCrossEntropyWithLogitsBackward0',
  value: (x, t) => {
    const m = Math.max(-x, 0);
    return (1 - t) * x + m + Math.log(Math.exp(-m) + Math.exp(-x - m));
  },
  dInput: (g, x, t) => mul(g, sub(sigmoid(x), t)),
  dTarget: (g, x) => mul(g, neg(x)),
});

export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor, reduction: string = 'mean'): Tensor {
  if (!sameShape(input.shape, target.shape)) {
    throw valueError(`Target size (${sizeRepr(target.shape)}) must be the same as input size (${sizeRepr(input.shape)})`);
  }
  return bceLogits(input, target, checkReduction(reduction));
}

const nllFn = backwardFn('NllLossBackward0', (n, [g]) => {
  n.unpack(0);
  n.unpack(1);
  const { shape, picks, reduction, weights, total } = n.ctx as {
    shape: number[];
    picks: number[];
    reduction: Reduction;
    weights: number[];
    total: number;
  };
  // d loss / d input[i, target_i] = -w_i (/ total weight for 'mean')
  const sel = zeros(shape, g!.dtype);
  for (let i = 0; i < picks.length; i++) if (picks[i] >= 0) sel.data[picks[i]] = -weights[i] / (reduction === 'mean' ? total : 1);
  if (reduction === 'none') {
    const rows = picks.length;
    const per = shape.length <= 1 ? g! : expand(reshapeRows(g!, rows, shape), shape);
    return [mul(sel, per)];
  }
  return [mul(sel, expand(g!, shape))];
});
function reshapeRows(g: Tensor, rows: number, shape: number[]): Tensor {
  // (N,) gradient against an (N, C, ...) input: one row per sample
  const extra = shape.slice(2);
  const viewShape = [rows, 1, ...extra.map(() => 1)];
  return make(contiguousData(g), viewShape, g.dtype);
}

/** F.nll_loss(input (N, C) or (C,), target (N,) or (), weight?, reduction, ignore_index). */
export function nllLoss(input: Tensor, target: Tensor, weight: Tensor | null = null, reduction: string = 'mean', ignoreIndex = -100): Tensor {
  const r = checkReduction(reduction);
  if (target.dtype !== int64) throw runtimeError(`expected scalar type Long but found ${target.dtype.scalarName}`);
  if (input.shape.length < 1 || input.shape.length > 2) throw runtimeError(`input tensor should be 1D or 2D`);
  const batched = input.shape.length === 2;
  const N = batched ? input.shape[0] : 1;
  const C = input.shape[batched ? 1 : 0];
  if (batched && target.shape[0] !== N) {
    throw valueError(`Expected input batch_size (${N}) to match target batch_size (${target.shape[0]}).`);
  }
  const xs = contiguousData(input);
  const ts = contiguousData(target);
  const ws = weight ? contiguousData(weight) : null;
  const picks: number[] = [];
  const weights: number[] = [];
  const losses: number[] = [];
  let total = 0;
  for (let i = 0; i < N; i++) {
    const c = ts[i];
    if (c === ignoreIndex) {
      picks.push(-1);
      weights.push(0);
      losses.push(0);
      continue;
    }
    if (c < 0 || c >= C) throw indexError(`Target ${c} is out of bounds.`);
    const w = ws ? ws[c] : 1;
    picks.push(i * C + c);
    weights.push(w);
    losses.push(-(input.dtype === float32 ? Math.fround(w * xs[i * C + c]) : w * xs[i * C + c]));
    total += w;
  }
  const round = input.dtype === float32 ? Math.fround : (v: number) => v;
  // the total weight is summed like the losses (without weights it is the sample count)
  const totalWeight = ws ? cascadeSum(weights, picks, round) : total;
  let out: Tensor;
  if (r === 'none') {
    out = make(input.dtype.alloc(N), batched ? [N] : [], input.dtype);
    out.data.set(losses);
  } else {
    const s = cascadeSum(losses, picks, round);
    out = make(input.dtype.alloc(1), [], input.dtype);
    out.data[0] = r === 'mean' ? s / totalWeight : s;
  }
  if (needsGrad(input)) {
    const node = record(out, nllFn, [input], { shape: input.shape, picks, reduction: r, weights, total: totalWeight });
    node.save(input);
    node.save(target);
  }
  return out;
}

/**
 * ATen's nll_loss sum: 8-level cascaded partial sums in the input dtype, the level moved up
 * whenever the sample index is a multiple of 16^j (so sample 0 lands on the top level),
 * then the levels added in order. Ignored samples (pick -1) are skipped.
 */
function cascadeSum(losses: number[], picks: number[], round: (v: number) => number): number {
  const levels = 8;
  const power = Math.max(4, Math.floor((losses.length <= 2 ? 1 : Math.floor(Math.log2(losses.length - 1)) + 1) / levels));
  const mask = (1 << power) - 1;
  const partial = new Array<number>(levels).fill(0);
  for (let b = 0; b < losses.length; b++) {
    if (picks[b] < 0) continue;
    partial[0] = round(partial[0] + losses[b]);
    for (let j = 0; j + 1 < levels; j++) {
      if ((b & (mask * 2 ** (j * power))) !== 0) break;
      partial[j + 1] = round(partial[j + 1] + partial[j]);
      partial[j] = 0;
    }
  }
  let s = 0;
  for (const p of partial) s = round(s + p);
  return s;
}

/** F.cross_entropy = nll_loss(log_softmax(input, 1)) for class-index targets. */
export function crossEntropy(input: Tensor, target: Tensor, weight: Tensor | null = null, reduction: string = 'mean', ignoreIndex = -100): Tensor {
  const dim = input.shape.length === 1 ? 0 : 1;
  if (target.dtype.isFloating && sameShape(input.shape, target.shape)) {
    // class probabilities
    const r = checkReduction(reduction);
    const e = neg(sum(mul(logSoftmax(input, dim), target), dim));
    return r === 'none' ? e : r === 'sum' ? sum(e) : div(sum(e), input.shape.length === 1 ? 1 : input.shape[0]);
  }
  if (target.dtype === bool || target.dtype.isFloating) throw runtimeError(`expected scalar type Long but found ${target.dtype.scalarName}`);
  return nllLoss(logSoftmax(input, dim), target, weight, reduction, ignoreIndex);
}
