/**
 * torch.nn.functional's non-loss helpers, built as ATen 1.13 builds them so the graphs
 * match: linear (addmm / matmul + add_), dropout (bernoulli noise from the default
 * generator), normalize, cosine_similarity, pairwise_distance, one_hot, constant pad.
 */
import { setTangent } from '../autograd/forward_ad.js';
import { bool, float64, int64 } from '../tensor/dtype.js';
import { runtimeError, valueError } from '../tensor/errors.js';
import { defaultGenerator } from '../tensor/random.js';
import { numelOf } from '../tensor/shape.js';
import { type Tensor, contiguousData } from '../tensor/tensor.js';
import { add, div, mul, pow, sub } from './arith.js';
import { toDtype } from './convert.js';
import { zeros } from './creation.js';
import { mul_ } from './inplace.js';
import { make, mapUnary } from './kernels.js';
import { matmul, mm } from './linalg.js';
import { norm, sum } from './reduce.js';
import { backwardFn, needsGrad, needsGradAny, record, reduceGradTo } from './registry.js';
import { withGradMode } from '../autograd/grad_mode.js';
import { expand, t, view } from './views.js';
import { sqrt } from './unary.js';
import { broadcastShapes } from '../tensor/shape.js';
import { resultType } from '../tensor/promote.js';

// ---- linear ------------------------------------------------------------------------------
const addmmFn = backwardFn('AddmmBackward0', (n, [g]) => {
  const [biasShape, biasDtype] = n.ctx as [number[], Tensor['dtype']];
  return [
    n.next[0] ? reduceGradTo(g!, biasShape, biasDtype) : null,
    n.next[1] ? mm(g!, t(n.unpack(1))) : null,
    n.next[2] ? mm(t(n.unpack(0)), g!) : null,
  ];
}, () => ({ alpha: 1, beta: 1 }));

/** addmm(bias, mat1, mat2) = bias + mat1 @ mat2 (the same float32 bits as ATen's gemm with beta=1). */
export function addmm(bias: Tensor, m1: Tensor, m2: Tensor): Tensor {
  const out = withGradMode(false, () => add(mm(m1, m2), bias));
  if (needsGradAny([bias, m1, m2])) {
    const node = record(out, addmmFn, [bias, m1, m2], [bias.shape, bias.dtype]);
    node.save(m1);
    node.save(m2);
  }
  return out;
}

/** F.linear: ATen's dispatch (addmm for 2-d + bias, flattened addmm for contiguous 3-d, else matmul then add_). */
export function linear(input: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
  if (bias !== null && input.shape.length === 2) return addmm(bias, input, t(weight));
  if (bias !== null && input.shape.length === 3 && input.isContiguous()) {
    const [a, b, k] = input.shape;
    const r = addmm(bias, view(input, [-1, k]), t(weight));
    return view(r, [a, b, r.shape[1]]);
  }
  const out = matmul(input, t(weight));
  // ATen adds in place (AddBackward0); out of place draws the same node without a view rebase
  return bias === null ? out : add(out, bias);
}

// ---- dropout -------------------------------------------------------------------------------
/** F.dropout / torch.dropout: input * (bernoulli(1 - p) / (1 - p)), the noise drawn as ATen's CPU bernoulli_. */
export function dropout(input: Tensor, p: number, training: boolean, inplace: boolean): Tensor {
  if (p < 0 || p > 1) throw valueError(`dropout probability has to be between 0 and 1, but got ${p}`);
  if (p === 0 || !training || input.numel() === 0) return input;
  let noise: Tensor;
  if (p === 1) noise = zeros([], input.dtype);
  else {
    const n = input.numel();
    // bernoulli_(1 - p): one uniform double (random64's 53 bits) per element, kept if < 1 - p
    const u = defaultGenerator.uniform(n, float64);
    const keep = 1 - p;
    // noise.div_(1 - p): the scalar meets a float32 tensor as a float32
    const s = input.dtype === float64 ? 1 / keep : Math.fround(1 / Math.fround(keep));
    const data = input.dtype.alloc(n);
    for (let i = 0; i < n; i++) data[i] = u[i] < keep ? s : 0;
    noise = make(data, input.shape.slice(), input.dtype);
  }
  return inplace ? mul_(input, noise) : mul(input, noise);
}

// ---- normalize and distances ------------------------------------------------------------
const clampMinFn = backwardFn(
  'ClampMinBackward0',
  (n, [g]) => {
    const min = n.ctx as number;
    return [mul(g!, mapUnary(n.unpack(0), bool, (v) => (v >= min ? 1 : 0)))];
  },
  (n) => ({ min: { float: n.ctx as number } }),
);
/** Tensor.clamp_min(Scalar) as ATen's own formulas call it (ClampMinBackward0). */
function clampMin(x: Tensor, min: number): Tensor {
  const m = x.dtype === float64 ? min : Math.fround(min);
  const out = mapUnary(x, x.dtype, (v) => (v < m ? m : v));
  if (needsGrad(x)) record(out, clampMinFn, [x], m).save(x);
  return out;
}

/** F.normalize: input / norm(input, p, dim, keepdim=True).clamp_min(eps).expand_as(input). */
export function normalize(input: Tensor, p = 2, dim = 1, eps = 1e-12): Tensor {
  return div(input, expand(clampMin(norm(input, p, dim, true), eps), input.shape));
}

const addScalarFn = backwardFn('AddBackward1', (_n, [g]) => [g], () => ({ alpha: 1 }));
/** Tensor + double inside ATen (add.Scalar): AddBackward1, one input. */
function addScalar(x: Tensor, s: number): Tensor {
  const out = withGradMode(false, () => add(x, s));
  if (needsGrad(x)) record(out, addScalarFn, [x]);
  if (x.tangent !== null) setTangent(out, () => x.tangent!);
  return out;
}

/** F.pairwise_distance: norm(x1 - x2 + eps, p, -1, keepdim). */
export function pairwiseDistance(x1: Tensor, x2: Tensor, p = 2, eps = 1e-6, keepdim = false): Tensor {
  return norm(addScalar(sub(x1, x2), eps), p, -1, keepdim);
}

/** F.cosine_similarity as ATen 1.13: each input over the root of its clamped squared norm. */
export function cosineSimilarity(a: Tensor, b: Tensor, dim = 1, eps = 1e-8): Tensor {
  const common = resultType([
    { dtype: a.dtype, dimCount: a.shape.length, wrapped: false },
    { dtype: b.dtype, dimCount: b.shape.length, wrapped: false },
  ]);
  const shape = broadcastShapes(a.shape, b.shape);
  const x1 = expand(toDtype(a, common), shape);
  const x2 = expand(toDtype(b, common), shape);
  const unit = (x: Tensor): Tensor => {
    const sq = sum(pow(x, 2), dim, true);
    // clamp_min_(eps * eps) under no_grad: changes the values, not the graph
    const floor = common === float64 ? eps * eps : Math.fround(eps * eps);
    for (let i = 0; i < sq.data.length; i++) if (sq.data[i] < floor) sq.data[i] = floor;
    return div(x, sqrt(sq));
  };
  return sum(mul(unit(x1), unit(x2)), dim);
}

// ---- one_hot and pad ------------------------------------------------------------------------
export function oneHot(input: Tensor, numClasses = -1): Tensor {
  if (input.dtype !== int64) throw runtimeError('one_hot is only applicable to index tensor.');
  const idx = contiguousData(input);
  let n = numClasses;
  if (n === -1) {
    if (idx.length === 0) throw runtimeError('Can not infer total number of classes from empty tensor.');
    n = 0;
    for (const v of idx) n = Math.max(n, v + 1);
  }
  for (const v of idx) {
    if (v < 0) throw runtimeError('Class values must be non-negative.');
    if (v >= n) throw runtimeError('Class values must be smaller than num_classes.');
  }
  const out = int64.alloc(idx.length * n);
  for (let i = 0; i < idx.length; i++) out[i * n + idx[i]] = 1;
  return make(out, [...input.shape, n], int64);
}

// the gradient is the gradient padded back (cropped where the input was padded)
const padFn = backwardFn('ConstantPadNdBackward0', (n, [g]) => [constantPad(g!, (n.ctx as number[]).map((v) => -v))], (n) => ({
  pad: n.ctx as number[],
}));

/** F.pad(input, pad, mode='constant', value): pads (or crops, when negative) the last dims. */
export function constantPad(input: Tensor, pad: number[], value = 0): Tensor {
  if (pad.length % 2 !== 0) throw runtimeError('Padding length must be divisible by 2');
  const nd = input.shape.length;
  if (pad.length / 2 > nd) throw runtimeError('Padding length too large');
  const shape = input.shape.slice();
  for (let i = 0; i < pad.length / 2; i++) {
    const d = nd - 1 - i;
    shape[d] = input.shape[d] + pad[2 * i] + pad[2 * i + 1];
    if (shape[d] <= 0) {
      throw runtimeError(
        `The input size ${input.shape[d]}, plus negative padding ${pad[2 * i]} and ${pad[2 * i + 1]} resulted in a negative output size, which is invalid. Check dimension ${d} of your input.`,
      );
    }
  }
  const out = make(input.dtype.alloc(numelOf(shape)), shape, input.dtype);
  if (value !== 0) out.data.fill(input.dtype.isFloating ? value : Math.trunc(value));
  const src = input.toFlatArray();
  // walk the input's elements, placing those that survive a negative pad
  const full = new Array<number>(nd).fill(0);
  const offs = full.map((_, d) => {
    const i = nd - 1 - d;
    return i < pad.length / 2 ? pad[2 * i] : 0;
  });
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < src.length; k++) {
    let o = 0;
    let inside = true;
    for (let d = 0; d < nd; d++) {
      const j = idx[d] + offs[d];
      if (j < 0 || j >= shape[d]) {
        inside = false;
        break;
      }
      o = o * shape[d] + j;
    }
    if (inside) out.data[o] = src[k];
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < input.shape[d]) break;
      idx[d] = 0;
    }
  }
  if (needsGrad(input)) record(out, padFn, [input], pad.slice());
  return out;
}
