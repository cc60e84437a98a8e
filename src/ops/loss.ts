/** torch.nn.functional losses, with PyTorch's nodes (MseLossBackward0, NllLossBackward0, ...). */
import { bool, float32, int64 } from '../tensor/dtype.js';
import { indexError, runtimeError, valueError, warn } from '../tensor/errors.js';
import { broadcastShapes, sameShape, sizeRepr } from '../tensor/shape.js';
import { type Tensor, contiguousData } from '../tensor/tensor.js';
import { add, div, mul, mulScalar, neg, sub } from './arith.js';
import { zeros } from './creation.js';
import { make, mapBinary, mapTernary, mapUnary } from './kernels.js';
import { sumF32 } from './sum_f32.js';
import { logSoftmax, mean, sum } from './reduce.js';
import { backwardFn, defineBinary, needsGrad, needsGrad2, record } from './registry.js';
import { abs, exp, log, sigmoid } from './unary.js';
import { detach } from './convert.js';
import { expand, view } from './views.js';
import { withGradMode } from '../autograd/grad_mode.js';
import { PyFloat } from '../python/values.js';
import { scalarTensor } from './creation.js';
import { setitem } from './indexing.js';
import { logicalNot } from './select.js';

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
  // torch.broadcast_tensors: an operand already of the broadcast size is kept as it is
  const shape = broadcastShapes(input.shape, target.shape);
  const grow = (t: Tensor) => (sameShape(t.shape, shape) ? t : expand(t, shape));
  return [grow(input), grow(target)];
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

function huber(delta: number) {
  return pointwise({
    gradFn: 'HuberLossBackward0',
    value: (x, t) => {
      const d = Math.abs(x - t);
      return d < delta ? 0.5 * d * d : delta * (d - 0.5 * delta);
    },
    dInput: (g, x, t) => mul(g, huberSlope(x, t, delta)),
    dTarget: (g, x, t) => mul(g, neg(huberSlope(x, t, delta))),
  });
}
const huberSlope = (x: Tensor, t: Tensor, delta: number): Tensor =>
  mapBinary(x, t, x.dtype, (a, b) => {
    const d = a - b;
    return d < -delta ? -delta : d > delta ? delta : d;
  });

export function huberLoss(input: Tensor, target: Tensor, reduction: string = 'mean', delta = 1): Tensor {
  const [x, t] = broadcastPair(input, target);
  const r = checkReduction(reduction);
  if (!(delta > 0)) throw runtimeError('huber_loss does not support non-positive values for delta.');
  return huber(delta)(x, t, r);
}

/** xlogy(t, t) of kl_div (0 where t == 0): XlogyBackward0. */
const xlogy = defineBinary({
  gradFn: 'XlogyBackward0',
  f: (x, y) => (y !== y ? y : x === 0 ? 0 : x * Math.log(y)),
  dtype: 'float',
  self: { uses: ['self', 'other'], grad: (g, s, o) => mul(g, mapBinary(s!, o!, o!.dtype, (x, y) => (x === 0 && y <= 0 ? 0 : Math.log(y)))) },
  other: { uses: ['self', 'other'], grad: (g, s, o) => mul(g, div(s!, o!)) },
});

/** F.kl_div (composite in 1.13): target * (log target - input), or exp(target) * (target - input) for log targets. */
export function klDiv(input: Tensor, target: Tensor, reduction: string = 'mean', logTarget = false): Tensor {
  if (reduction === 'mean') {
    warn(
      'UserWarning',
      "reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.",
    );
  }
  const r = reduction === 'batchmean' ? 'sum' : checkReduction(reduction);
  const e = logTarget ? mul(exp(target), sub(target, input)) : sub(xlogy(target, target), mul(target, input));
  const out = r === 'none' ? e : r === 'sum' ? sum(e) : mean(e);
  return reduction === 'batchmean' && input.shape.length !== 0 ? div(out, input.shape[0]) : out;
}

const bceFormulas: PointwiseLoss = {
  gradFn: 'BinaryCrossEntropyBackward0',
  value: (x, t) => -(t * Math.max(Math.log(x), -100) + (1 - t) * Math.max(Math.log(1 - x), -100)),
  dInput: (g, x, t) => mul(g, mapBinary(x, t, x.dtype, (a, b) => (a - b) / Math.max((1 - a) * a, 1e-12))),
  dTarget: (g, x) => mul(g, mapBinary(x, x, x.dtype, (a) => Math.max(Math.log(1 - a), -100) - Math.max(Math.log(a), -100))),
};
const bce = { ...bceFormulas, apply: pointwise(bceFormulas) };

export function binaryCrossEntropy(input: Tensor, target: Tensor, reduction: string = 'mean', weight: Tensor | null = null): Tensor {
  if (!sameShape(input.shape, target.shape)) {
    throw valueError(
      `Using a target size (${sizeRepr(target.shape)}) that is different to the input size (${sizeRepr(input.shape)}) is deprecated. Please ensure they have the same size.`,
    );
  }
  // the kernel wants the target in the input's dtype (no promotion)
  if (target.dtype !== input.dtype) throw runtimeError(`Found dtype ${target.dtype.scalarName} but expected ${input.dtype.scalarName}`);
  const d = contiguousData(input);
  for (let i = 0; i < d.length; i++) {
    if (!(d[i] >= 0 && d[i] <= 1)) throw runtimeError('all elements of input should be between 0 and 1');
  }
  if (weight === null) return bce.apply(input, target, checkReduction(reduction));
  // F.binary_cross_entropy expands the weight to the target's size; it gets no gradient
  return weightedBce(input, target, checkReduction(reduction), expandWeight(weight, target));
}

function expandWeight(weight: Tensor, target: Tensor): Tensor {
  return expand(detach(weight), broadcastShapes(target.shape, weight.shape));
}

const weightedBceFn = backwardFn('BinaryCrossEntropyBackward0', (n, [g]) => {
  const x = n.unpack(0);
  const t = n.unpack(1);
  const w = n.unpack(2);
  const ge = mul(spread(g!, x.shape, n.ctx as Reduction), w);
  return [n.next[0] ? bce.dInput(ge, x, t) : null, n.next[1] ? bce.dTarget(ge, x, t) : null];
});
function weightedBce(input: Tensor, target: Tensor, reduction: Reduction, w: Tensor): Tensor {
  const values = mapBinary(mapBinary(input, target, input.dtype, bce.value), w, input.dtype, (v, wv) => v * wv);
  const out = reduceRaw(values, reduction);
  if (needsGrad2(input, target)) {
    const node = record(out, weightedBceFn, [input, target], reduction);
    node.save(input);
    node.save(target);
    node.save(w);
  }
  return out;
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

export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  reduction: string = 'mean',
  weight: Tensor | null = null,
  posWeight: Tensor | null = null,
): Tensor {
  if (!sameShape(input.shape, target.shape)) {
    throw valueError(`Target size (${sizeRepr(target.shape)}) must be the same as input size (${sizeRepr(input.shape)})`);
  }
  if (weight === null && posWeight === null) return bceLogits(input, target, checkReduction(reduction));
  return weightedBceLogits(input, target, checkReduction(reduction), weight && detach(weight), posWeight && detach(posWeight));
}

/** With weight / pos_weight: (1 - t) x + (1 + (pw - 1) t) softplus(-x), times weight (ATen's formulas). */
const weightedBceLogitsFn = backwardFn('BinaryCrossEntropyWithLogitsBackward0', (n, [g]) => {
  const x = n.unpack(0);
  const t = n.unpack(1);
  const { reduction, w, pw } = n.ctx as { reduction: Reduction; w: Tensor | null; pw: Tensor | null };
  let ge = spread(g!, x.shape, reduction);
  if (w !== null) ge = mul(ge, w);
  const sx = sigmoid(x);
  let dx: Tensor | null = null;
  let dt: Tensor | null = null;
  if (n.next[0]) {
    // ((pw t + 1 - t) sigmoid(x) - pw t) g
    dx = pw === null ? mul(ge, sub(sx, t)) : mul(ge, sub(mul(add(mul(pw, t), sub(1, t)), sx), mul(pw, t)));
  }
  if (n.next[1]) dt = pw === null ? mul(ge, neg(x)) : mul(ge, sub(log(sub(1, sx)), mul(pw, log(sx))));
  return [dx, dt];
});
function weightedBceLogits(input: Tensor, target: Tensor, reduction: Reduction, w: Tensor | null, pw: Tensor | null): Tensor {
  const shape = input.shape;
  const pwe = pw === null ? null : expand(pw, broadcastShapes(shape, pw.shape));
  let values = mapBinary(input, target, input.dtype, (x) => Math.max(-x, 0) + Math.log(Math.exp(-Math.max(-x, 0)) + Math.exp(-x - Math.max(-x, 0))));
  // values holds softplus(-x); combine with (1 - t) x and the pos_weight factor
  const xt = mapBinary(input, target, input.dtype, (x, t) => (1 - t) * x);
  values = pwe === null ? mapBinary(xt, values, input.dtype, (a, b) => a + b) : mapTernary(xt, values, mapBinary(pwe, target, input.dtype, (p, t) => 1 + (p - 1) * t), input.dtype, (a, b, c) => a + c * b);
  if (w !== null) values = mapBinary(values, w, input.dtype, (v, wv) => v * wv);
  if (!sameShape(values.shape, shape)) throw runtimeError(`output with shape ${sizeRepr(shape)} doesn't match the broadcast shape ${sizeRepr(values.shape)}`);
  const out = reduceRaw(values, reduction);
  if (needsGrad2(input, target)) {
    const node = record(out, weightedBceLogitsFn, [input, target], { reduction, w, pw: pwe });
    node.save(input);
    node.save(target);
  }
  return out;
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

const divScalarFn = backwardFn('DivBackward1', (n, [g]) => [div(g!, n.ctx as number)], (n) => ({ other: n.ctx as number }));
/** Tensor / int64 inside ATen (div.Scalar): DivBackward1, one input. */
function divScalar(x: Tensor, s: number): Tensor {
  const out = withGradMode(false, () => div(x, s));
  if (needsGrad(x)) record(out, divScalarFn, [x], s);
  return out;
}

/** The weight viewed to broadcast along the class dim (1, C, 1, ...). */
function classWeight(weight: Tensor, nd: number, classDim: number): Tensor {
  const shape = new Array<number>(nd).fill(1);
  shape[classDim] = weight.shape[0];
  return view(weight, shape);
}

/** F.cross_entropy: class-index targets go through nll_loss(log_softmax), probabilities as ATen's prob-target loss. */
export function crossEntropy(
  input: Tensor,
  target: Tensor,
  weight: Tensor | null = null,
  reduction: string = 'mean',
  ignoreIndex = -100,
  labelSmoothing = 0,
): Tensor {
  const r = checkReduction(reduction);
  const dim = input.shape.length === 1 ? 0 : 1;
  if (labelSmoothing < 0 || labelSmoothing > 1) throw runtimeError(`label_smoothing must be between 0.0 and 1.0. Got: ${labelSmoothing}`);
  if (target.dtype.isFloating && sameShape(input.shape, target.shape)) {
    if (ignoreIndex !== -100) throw runtimeError('ignore_index is not supported for floating point target');
    const C = input.shape[dim];
    const ls = logSoftmax(input, dim);
    const t = labelSmoothing > 0 ? add(mul(target, new PyFloat(1 - labelSmoothing)), new PyFloat(labelSmoothing / C)) : target;
    let prod = mul(ls, t);
    if (weight !== null) prod = mul(prod, input.shape.length > 1 ? classWeight(weight, input.shape.length, dim) : weight);
    if (r === 'none') return neg(sum(prod, dim));
    const total = neg(sum(prod));
    return r === 'sum' ? total : divScalar(total, input.numel() / C);
  }
  if (target.dtype === bool || target.dtype.isFloating) throw runtimeError(`expected scalar type Long but found ${target.dtype.scalarName}`);
  if (labelSmoothing > 0) return smoothedCrossEntropy(input, target, weight, r, ignoreIndex, labelSmoothing, dim);
  return nllLoss(logSoftmax(input, dim), target, weight, reduction, ignoreIndex);
}

/** ATen 1.13's cross_entropy_loss_label_smoothing: (1 - ls) nll + ls / C * (the -sum of log-probabilities, ignored samples zeroed). */
function smoothedCrossEntropy(input: Tensor, target: Tensor, weight: Tensor | null, r: Reduction, ignoreIndex: number, ls: number, dim: number): Tensor {
  const C = input.shape[dim];
  const lsm = logSoftmax(input, dim);
  const nll = nllLoss(lsm, target, weight, r, ignoreIndex);
  const ignore = mapUnary(target, bool, (v) => (v === ignoreIndex ? 1 : 0));
  const smooth = neg(sum(weight === null ? lsm : mul(lsm, classWeight(weight, input.shape.length, dim)), dim));
  setitem(smooth, [ignore], scalarTensor(new PyFloat(0)));
  let ret: Tensor;
  if (r === 'none') ret = smooth;
  else if (r === 'sum') ret = sum(smooth);
  else if (weight === null) ret = mean(maskedSelect(smooth, logicalNot(ignore)));
  else {
    const ws = contiguousData(weight);
    const ts = contiguousData(target);
    let total = 0;
    for (let i = 0; i < ts.length; i++) if (ts[i] !== ignoreIndex) total += ws[ts[i]];
    ret = div(sum(smooth), scalarTensor(new PyFloat(total), weight.dtype));
  }
  return add(mulScalar(nll, 1 - ls), mulScalar(ret, ls / C));
}

const maskedSelectFn = backwardFn('MaskedSelectBackward0', (n, [g]) => {
  const { shape, picks } = n.ctx as { shape: number[]; picks: number[] };
  const out = zeros(shape, g!.dtype);
  const gd = contiguousData(g!);
  for (let i = 0; i < picks.length; i++) out.data[picks[i]] = gd[i];
  return [out];
});
/** x.masked_select(mask) for a mask of x's shape: MaskedSelectBackward0. */
function maskedSelect(x: Tensor, mask: Tensor): Tensor {
  const xd = contiguousData(x);
  const md = contiguousData(mask);
  const picks: number[] = [];
  for (let i = 0; i < md.length; i++) if (md[i]) picks.push(i);
  const out = make(x.dtype.alloc(picks.length), [picks.length], x.dtype);
  for (let i = 0; i < picks.length; i++) out.data[i] = xd[picks[i]];
  if (needsGrad(x)) record(out, maskedSelectFn, [x], { shape: x.shape, picks });
  return out;
}
