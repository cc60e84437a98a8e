/** Reductions, scans and softmax (SumBackward0/1, MeanBackward0/1, MaxBackward0/1, ...). */
import type { Node } from '../autograd/node.js';
import { type DType, float16, float32, int64, toHalf } from '../tensor/dtype.js';
import { indexError, runtimeError } from '../tensor/errors.js';
import { toFloating } from '../tensor/promote.js';
import { numelOf, wrapDim } from '../tensor/shape.js';
import { Tensor, contiguousData } from '../tensor/tensor.js';
import { div, divScalar, mul, mulScalar, sub } from './arith.js';
import { castData, make, mapBinary, reduceBlocks } from './kernels.js';
import { logSoftmaxLastDimF32, softmaxDimF32, softmaxLastDimF32 } from './softmax_f32.js';
import { sumF32, sumOuterF32 } from './sum_f32.js';
import { linearTangent, setTangent } from '../autograd/forward_ad.js';
import { backwardFn, hooks, needsGrad, record } from './registry.js';
import { logSoftmaxBackwardData, softmaxBackwardData } from './backward_ops.js';
import { eq, maskedFill, where } from './select.js';
import { exp } from './unary.js';
import { flip } from './join.js';
import { expand, reshape, unsqueeze, view } from './views.js';

export type Dims = number | readonly number[] | null | undefined;

/** Wrapped, sorted, de-duplicated dims; null/undefined/[] mean all dims. */
export function reduceDims(x: Tensor, dim: Dims): number[] {
  const nd = x.shape.length;
  if (dim === null || dim === undefined || (Array.isArray(dim) && dim.length === 0)) return x.shape.map((_, i) => i);
  const list = typeof dim === 'number' ? [dim] : (dim as number[]);
  const out = list.map((d) => wrapDim(d, nd));
  const seen = new Set<number>();
  for (const d of out) {
    if (seen.has(d)) throw runtimeError(`dim ${d} appears multiple times in the list of dims`);
    seen.add(d);
  }
  return out.sort((a, b) => a - b);
}

/** Gradient of a reduction brought back to the input shape: unsqueeze the reduced dims, expand. */
function expandBack(g: Tensor, shape: readonly number[], dims: readonly number[], keepdim: boolean): Tensor {
  let r = g;
  if (!keepdim && shape.length > 0) for (const d of dims) r = unsqueeze(r, d);
  return expand(r, shape);
}

/** unsqueeze_multiple: a reduction's gradient with its reduced dims back as size 1 (broadcasts against the input). */
function unsqueezeBack(g: Tensor, ndim: number, dims: readonly number[], keepdim: boolean): Tensor {
  let r = g;
  if (!keepdim && ndim > 0) for (const d of dims) r = unsqueeze(r, d);
  return r;
}

/** dim, keepdim and the input's sizes, as SumBackward1 / MeanBackward1 save them. */
const dimAttrs = (n: Node) => {
  const [shape, dims, keepdim] = n.ctx as [number[], number[], boolean];
  return { dim: dims, keepdim, self_sym_sizes: shape };
};
const sumAllFn = backwardFn('SumBackward0', (n, [g]) => [expand(g!, n.ctx as number[])], (n) => ({ self_sym_sizes: n.ctx as number[] }));
const sumDimFn = backwardFn('SumBackward1', (n, [g]) => {
  const [shape, dims, keepdim] = n.ctx as [number[], number[], boolean];
  return [expandBack(g!, shape, dims, keepdim)];
}, dimAttrs);

const sumDtype = (d: DType): DType => (d.isFloating ? d : int64);

function sumBlock(data: ArrayLike<number>, start: number, count: number): number {
  // float32 storage: reproduce PyTorch's float32 accumulation order
  if (data instanceof Float32Array) return sumF32(data, start, count);
  let s = 0;
  for (let i = start, e = start + count; i < e; i++) s += data[i];
  return s;
}

/** x.sum() (SumBackward0) / x.sum(dim, keepdim) (SumBackward1). Ints and bools sum to int64. */
export function sum(x: Tensor, dim?: Dims, keepdim = false, dtype?: DType): Tensor {
  const outDtype = dtype ?? sumDtype(x.dtype);
  if (dim === null || dim === undefined) {
    const src = contiguousData(x);
    const total = sumBlock(src, 0, src.length);
    const out = make(outDtype.alloc(1), [], outDtype);
    out.data[0] = outDtype === float16 ? toHalf(total) : total;
    if (needsGrad(x)) record(out, sumAllFn, [x], x.shape);
    linearTangent(out, x, (t) => sum(t, dim, keepdim, dtype));
    return out;
  }
  const dims = reduceDims(x, dim);
  const out = (x.dtype === outDtype && outerSumF32(x, dims, keepdim)) || reduceBlocks(x, dims, keepdim, outDtype, sumBlock);
  if (needsGrad(x)) record(out, sumDimFn, [x], [x.shape, dims, keepdim]);
  linearTangent(out, x, (t) => sum(t, dim, keepdim, dtype));
  return out;
}

/**
 * A float32 sum over leading dims of a contiguous tensor (an "outer" reduction: the kept
 * dims are contiguous columns) in PyTorch's order; null for any other layout.
 */
function outerSumF32(x: Tensor, dims: readonly number[], keepdim: boolean): Tensor | null {
  if (x.dtype !== float32 || !x.isContiguous() || dims.length === 0) return null;
  for (let i = 0; i < dims.length; i++) if (dims[i] !== i) return null;
  if (dims.length === x.shape.length) return null;
  const rows = dims.reduce((a, d) => a * x.shape[d], 1);
  const cols = x.numel() / Math.max(rows, 1);
  const outShape = keepdim ? x.shape.map((s, i) => (i < dims.length ? 1 : s)) : x.shape.slice(dims.length);
  const out = make(float32.alloc(cols), outShape, float32);
  for (let j = 0; j < cols; j++) out.data[j] = sumOuterF32(x.data, x.offset, rows, cols, j);
  return out;
}

/** Sum a broadcast gradient down to `shape` (PyTorch's sum_to: a 0-d target is a full sum; leading dims go by view). */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (shape.length === 0 && g.shape.length > 0) return sum(g);
  const lead = g.shape.length - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < g.shape.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) dims.push(i);
  }
  if (dims.length === 0) return g.shape.length === shape.length ? g : view(g, shape);
  const r = sum(g, dims, true);
  return lead > 0 || r.shape.length !== shape.length ? view(r, shape) : r;
}
hooks.sumTo = sumTo;

function meanDtype(x: Tensor, dtype?: DType): DType {
  const d = dtype ?? x.dtype;
  if (!d.isFloating) {
    throw runtimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${d.scalarName}`,
    );
  }
  return d;
}

const meanAllFn = backwardFn('MeanBackward0', (n, [g]) => {
  const shape = n.ctx as number[];
  return [divScalar(expand(g!, shape), numelOf(shape))];
}, (n) => ({ self_numel: numelOf(n.ctx as number[]), self_sizes: n.ctx as number[] }));
const meanDimFn = backwardFn('MeanBackward1', (n, [g]) => {
  n.unpack(0);
  const [shape, dims, keepdim] = n.ctx as [number[], number[], boolean];
  const count = dims.reduce((a, d) => a * shape[d], 1);
  return [div(expandBack(g!, shape, dims, keepdim), count)];
}, dimAttrs);

export function mean(x: Tensor, dim?: Dims, keepdim = false, dtype?: DType): Tensor {
  const outDtype = meanDtype(x, dtype);
  const dims = reduceDims(x, dim);
  const count = dims.reduce((a, d) => a * x.shape[d], 1);
  const all = dim === null || dim === undefined;
  // PyTorch: sum in the dtype, then divide (two roundings for float32)
  const outer = all ? null : outerSumF32(x, dims, keepdim);
  if (outer) for (let i = 0; i < outer.data.length; i++) outer.data[i] /= count;
  const roundSum = x.dtype === float16 ? toHalf : x.dtype === float32 ? Math.fround : (v: number) => v;
  const out = outer || reduceBlocks(x, dims, all ? false : keepdim, outDtype, (d, s, c) => roundSum(sumBlock(d, s, c)) / count);
  if (needsGrad(x)) {
    if (all) record(out, meanAllFn, [x], x.shape);
    // PyTorch 1.13's MeanBackward1 saves self (unused by the formula, but it makes a
    // second backward fail and in-place changes of x detected, as there)
    else record(out, meanDimFn, [x], [x.shape, dims, keepdim]).save(x);
  }
  linearTangent(out, x, (t) => mean(t, dim, keepdim, dtype));
  return out;
}

function prodBlock(data: ArrayLike<number>, start: number, count: number): number {
  let p = 1;
  for (let i = start, e = start + count; i < e; i++) p *= data[i];
  return p;
}

/** d prod / d x_i = product of the others (computed directly, so zeros are handled). */
function prodOthers(x: Tensor, dims: number[]): Tensor {
  const xs = contiguousData(castData(x, x.dtype));
  const out = castData(x, x.dtype);
  // walk each reduced block through its permuted layout
  const grad = reduceBlocksIndices(x, dims);
  for (const block of grad) {
    for (const i of block) {
      let p = 1;
      for (const j of block) if (j !== i) p *= xs[j];
      out.data[i] = p;
    }
  }
  return out;
}

/** For each output of a reduction over dims, the flat (row-major) indices of its block. */
function reduceBlocksIndices(x: Tensor, dims: readonly number[]): number[][] {
  const idx = make(new Float64Array(numelOf(x.shape)).map((_, i) => i), x.shape.slice(), int64);
  const blocks: number[][] = [];
  reduceBlocks(idx, dims, false, int64, (d, s, c) => {
    const b: number[] = [];
    for (let i = s; i < s + c; i++) b.push(d[i]);
    blocks.push(b);
    return 0;
  });
  return blocks;
}

const prodAllFn = backwardFn('ProdBackward0', (n, [g]) => {
  const x = n.unpack(0);
  if (x.shape.length === 0) return [g!];
  // PyTorch's prod_backward: grad * (result / input) when no input is zero (differentiable again)
  if (!hasZero(x)) return [mul(g!, div(n.unpack(1), x))];
  return [mul(expand(g!, x.shape), prodOthers(x, x.shape.map((_, i) => i)))];
});

function hasZero(x: Tensor): boolean {
  const n = x.numel();
  for (let i = 0; i < n; i++) if (x.at(i) === 0) return true;
  return false;
}
const prodDimFn = backwardFn('ProdBackward1', (n, [g]) => {
  const x = n.unpack(0);
  const [dims, keepdim] = n.ctx as [number[], boolean];
  return [mul(expandBack(g!, x.shape, dims, keepdim), prodOthers(x, dims))];
});

export function prod(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  const outDtype = sumDtype(x.dtype);
  const all = dim === null || dim === undefined;
  const dims = reduceDims(x, dim);
  const out = reduceBlocks(x, dims, all ? false : keepdim, outDtype, prodBlock);
  if (needsGrad(x)) {
    const node = record(out, all ? prodAllFn : prodDimFn, [x], [dims, keepdim]);
    node.save(x);
    if (all) node.save(out, 0);
  }
  return out;
}

/** Full max/min: ties share the gradient evenly (MaxBackward1 / MinBackward1). */
function extremeAll(name: string, better: (a: number, b: number) => boolean) {
  const fn = backwardFn(name, (n, [g]) => {
    const x = n.unpack(0);
    const r = n.unpack(1);
    const mask = eq(x, r);
    return [mul(div(expand(g!, x.shape), sum(mask)), mask)];
  });
  return (x: Tensor): Tensor => {
    if (x.numel() === 0) {
      throw runtimeError(
        `${name.startsWith('Max') ? 'max' : 'min'}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
      );
    }
    const src = contiguousData(x);
    let best = src[0];
    for (let i = 1; i < src.length; i++) {
      const v = src[i];
      if (v !== v) {
        best = v;
        break;
      }
      if (better(v, best)) best = v;
    }
    const out = make(x.dtype.alloc(1), [], x.dtype);
    out.data[0] = best;
    if (needsGrad(x)) {
      const node = record(out, fn, [x]);
      node.save(x);
      node.save(out, 0);
    }
    return out;
  };
}
export const maxAll = extremeAll('MaxBackward1', (a, b) => a > b);
export const minAll = extremeAll('MinBackward1', (a, b) => a < b);

/** Index of the first best element of a block (NaN wins, as in PyTorch). */
function argBlock(better: (a: number, b: number) => boolean) {
  return (d: ArrayLike<number>, s: number, c: number): number => {
    let bi = 0;
    let bv = d[s];
    for (let i = 1; i < c; i++) {
      const v = d[s + i];
      if (bv !== bv) break;
      if (v !== v || better(v, bv)) {
        bv = v;
        bi = i;
      }
    }
    return bi;
  };
}

/** Put g at `indices` along dim into zeros of `shape` (value-selecting reduction backward). */
function scatterAlong(g: Tensor, indices: Tensor, dim: number, shape: readonly number[], keepdim: boolean): Tensor {
  const gk = keepdim ? g : unsqueeze(g, dim);
  const ik = keepdim ? indices : make(indices.data, gk.shape.slice(), int64);
  const one = make(g.dtype.alloc(numelOf(shape)), shape.slice(), g.dtype);
  // mask of the selected positions, then the gradient flows through mul (differentiable in g)
  const strides = one.strides;
  const gShape = gk.shape;
  const n = numelOf(gShape);
  const idx = contiguousData(ik);
  for (let k = 0; k < n; k++) {
    let rem = k;
    let off = 0;
    for (let d = gShape.length - 1; d >= 0; d--) {
      const c = rem % gShape[d];
      rem = Math.floor(rem / gShape[d]);
      off += (d === dim ? idx[k] : c) * strides[d];
    }
    one.data[off] = 1;
  }
  return mul(expand(gk, shape), one);
}

function extremeDim(name: string, better: (a: number, b: number) => boolean) {
  const fn = backwardFn(name, (n, [g]) => {
    const [shape, dim, keepdim] = n.ctx as [number[], number, boolean];
    return [scatterAlong(g!, n.unpack(0), dim, shape, keepdim)];
  });
  const pick = argBlock(better);
  return (x: Tensor, dim: number, keepdim = false): [Tensor, Tensor] => {
    const d = wrapDim(dim, x.shape.length);
    if (x.shape.length > 0 && x.shape[d] === 0) throw indexError(`max(): Expected reduction dim ${d} to have non-zero size.`);
    const dims = x.shape.length === 0 ? [] : [d];
    const indices = reduceBlocks(x, dims, keepdim, int64, pick);
    const values = reduceBlocks(x, dims, keepdim, x.dtype, (data, s, c) => data[s + pick(data, s, c)]);
    // indices are the node's output 1, saved (as in PyTorch)
    if (needsGrad(x)) record(values, fn, [x], [x.shape, d, keepdim || x.shape.length === 0]).save(indices, 1, 'indices');
    return [values, indices];
  };
}
/** x.max(dim, keepdim) -> (values, indices), MaxBackward0 on values. */
export const maxDim = extremeDim('MaxBackward0', (a, b) => a > b);
export const minDim = extremeDim('MinBackward0', (a, b) => a < b);

export function argmax(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argExtreme(x, dim, keepdim, (a, b) => a > b, 'argmax');
}
export function argmin(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argExtreme(x, dim, keepdim, (a, b) => a < b, 'argmin');
}
function argExtreme(x: Tensor, dim: number | null | undefined, keepdim: boolean, better: (a: number, b: number) => boolean, what: string): Tensor {
  if (x.numel() === 0) throw runtimeError(`${what}(): Expected reduction dim to be specified for input.numel() == 0.`);
  const pick = argBlock(better);
  if (dim === null || dim === undefined) {
    const flat = reshape(x, [-1]);
    return reduceBlocks(flat, [0], false, int64, pick);
  }
  const d = wrapDim(dim, x.shape.length);
  return reduceBlocks(x, x.shape.length === 0 ? [] : [d], keepdim, int64, pick);
}

/** amax/amin over dims: ties share evenly (AmaxBackward0 / AminBackward0). */
function extremeReduce(name: string, better: (a: number, b: number) => boolean) {
  const fn = backwardFn(name, (n, [g]) => {
    const x = n.unpack(0);
    const r = n.unpack(1);
    const [dims, keepdim, all] = n.ctx as [number[], boolean, boolean];
    // PyTorch: scale_grad_by_count(restore_reduced_dims(grad), restore_reduced_dims(result) == self, dims)
    const restore = (t: Tensor) => (keepdim ? t : reshape(t, all ? [] : x.shape.map((s, i) => (dims.includes(i) ? 1 : s))));
    const mask = eq(restore(r), x);
    return [mul(div(restore(g!), sum(mask, dims, true)), mask)];
  });
  const pick = argBlock(better);
  return (x: Tensor, dim?: Dims, keepdim = false): Tensor => {
    const dims = reduceDims(x, dim);
    const out = reduceBlocks(x, dims, keepdim, x.dtype, (d, s, c) => d[s + pick(d, s, c)]);
    if (needsGrad(x)) {
      const all = dim === null || dim === undefined || (Array.isArray(dim) && dim.length === 0);
      const node = record(out, fn, [x], [dims, keepdim, all]);
      node.save(x);
      node.save(out, 0);
    }
    return out;
  };
}
export const amax = extremeReduce('AmaxBackward0', (a, b) => a > b);
export const amin = extremeReduce('AminBackward0', (a, b) => a < b);

/** var/std with Bessel's correction by default (unbiased=True / correction=1). */
function moments(name: string, isStd: boolean) {
  const fn = backwardFn(name, (n, [g]) => {
    const x = n.unpack(0);
    const [dims, keepdim, correction, all] = n.ctx as [number[], boolean, number, boolean];
    const count = dims.reduce((a, d) => a * x.shape[d], 1);
    // PyTorch's var_backward: (2 / dof) * grad * (self - self.mean(dim, true)), grad broadcast back;
    // std_backward feeds it (grad / (result * 2)).masked_fill_(result == 0, 0)
    let gv = g!;
    if (isStd) {
      const r = n.unpack(1);
      gv = maskedFill(div(gv, mulScalar(r, 2)), eq(r, 0), 0);
    }
    if (!all && !keepdim && x.shape.length > 1) for (const d of dims) gv = unsqueeze(gv, d);
    return [mul(mulScalar(gv, 2 / (count - correction)), sub(x, all ? mean(x) : mean(x, dims, true)))];
  });
  return (x: Tensor, dim?: Dims, correction = 1, keepdim = false): Tensor => {
    if (!x.dtype.isFloating) throw runtimeError(`std and var only support floating point and complex dtypes`);
    const all = dim === null || dim === undefined;
    const dims = reduceDims(x, dim);
    const out = reduceBlocks(x, dims, all ? false : keepdim, x.dtype, (d, s, c) => {
      const m = sumBlock(d, s, c) / c;
      let acc = 0;
      for (let i = s; i < s + c; i++) acc += (d[i] - m) * (d[i] - m);
      const v = acc / Math.max(0, c - correction);
      return isStd ? Math.sqrt(v) : v;
    });
    if (needsGrad(x)) {
      const node = record(out, fn, [x], [dims, keepdim, correction, all]);
      node.save(x);
      if (isStd) node.save(out, 0);
    }
    return out;
  };
}
export const variance = moments('VarBackward0', false);
export const std = moments('StdBackward0', true);

const normFn = backwardFn('NormBackward1', (n, [g]) => {
  const x = n.unpack(0);
  const r = n.unpack(1);
  const [p, dims, keepdim, all] = n.ctx as [number, number[], boolean, boolean];
  // PyTorch's norm_backward: grad * (self / norm).masked_fill_(norm == 0, 0), grad and norm unsqueezed
  if (p === 2) {
    const gu = all ? g! : unsqueezeBack(g!, x.shape.length, dims, keepdim);
    const ru = all ? r : unsqueezeBack(r, x.shape.length, dims, keepdim);
    return [mul(gu, maskedFill(div(x, ru), eq(ru, 0), 0))];
  }
  const gb = expandBack(g!, x.shape, dims, keepdim);
  const rb = expandBack(r, x.shape, dims, keepdim);
  if (p === 1) return [mul(gb, signOf(x))];
  // |x|^(p-1) sign(x) / norm^(p-1)
  const ax = mapBinary(x, x, x.dtype, (v) => Math.pow(Math.abs(v), p - 1) * Math.sign(v));
  return [mul(gb, where(eq(rb, 0), 0, div(ax, mapBinary(rb, rb, rb.dtype, (v) => Math.pow(v, p - 1)))))];
});
const signOf = (x: Tensor): Tensor => mapBinary(x, x, x.dtype, (v) => Math.sign(v));

/** torch.norm / x.norm(p=2, dim, keepdim): NormBackward1. */
export function norm(x: Tensor, p = 2, dim?: Dims, keepdim = false): Tensor {
  if (!x.dtype.isFloating) throw runtimeError(`norm(): input dtype should be either floating point or complex. Got ${x.dtype.scalarName} instead.`);
  const dims = reduceDims(x, dim);
  const out = reduceBlocks(x, dims, keepdim, x.dtype, (d, s, c) => {
    let acc = 0;
    if (p === Infinity) {
      for (let i = s; i < s + c; i++) acc = Math.max(acc, Math.abs(d[i]));
      return acc;
    }
    for (let i = s; i < s + c; i++) acc += Math.pow(Math.abs(d[i]), p);
    return p === 2 ? Math.sqrt(acc) : Math.pow(acc, 1 / p);
  });
  if (needsGrad(x)) {
    const node = record(out, normFn, [x], [p, dims, keepdim, dim === null || dim === undefined]);
    node.save(x);
    node.save(out, 0);
  }
  return out;
}

const logsumexpFn = backwardFn('LogsumexpBackward0', (n, [g]) => {
  const x = n.unpack(0);
  const r = n.unpack(1);
  const [dims, keepdim] = n.ctx as [number[], boolean];
  // PyTorch's logsumexp_backward: grad * (self - result).exp(), both unsqueezed (broadcast, no expand)
  return [mul(unsqueezeBack(g!, x.shape.length, dims, keepdim), exp(sub(x, unsqueezeBack(r, x.shape.length, dims, keepdim))))];
});

export function logsumexp(x: Tensor, dim: Dims, keepdim = false): Tensor {
  const dims = reduceDims(x, dim);
  const src = x.dtype.isFloating ? x : castData(x, toFloating(x.dtype));
  const out = reduceBlocks(src, dims, keepdim, src.dtype, (d, s, c) => {
    let m = -Infinity;
    for (let i = s; i < s + c; i++) if (d[i] > m) m = d[i];
    if (!Number.isFinite(m)) m = 0;
    let acc = 0;
    for (let i = s; i < s + c; i++) acc += Math.exp(d[i] - m);
    return Math.log(acc) + m;
  });
  if (needsGrad(x)) {
    const node = record(out, logsumexpFn, [x], [dims, keepdim]);
    node.save(x);
    node.save(out, 0);
  }
  return out;
}

/** Inclusive scan along dim (cumsum / cumprod kernels). */
function scan(x: Tensor, dim: number, dtype: DType, op: (acc: number, v: number) => number, init: number): Tensor {
  const d = x.shape.length === 0 ? 0 : wrapDim(dim, x.shape.length);
  const src = contiguousData(castData(x, dtype));
  const out = make(dtype.alloc(src.length), x.shape.slice(), dtype);
  if (x.shape.length === 0) {
    out.data[0] = src[0];
    return out;
  }
  const size = x.shape[d];
  const inner = x.shape.slice(d + 1).reduce((a, b) => a * b, 1);
  const outer = src.length / Math.max(1, size * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let acc = init;
      for (let k = 0; k < size; k++) {
        const p = (o * size + k) * inner + i;
        acc = op(acc, src[p]);
        out.data[p] = acc;
      }
    }
  }
  return out;
}

const cumsumFn = backwardFn('CumsumBackward0', (n, [g]) => {
  const dim = n.ctx as number;
  return [flip(cumsum(flip(g!, [dim]), dim), [dim])];
});

export function cumsum(x: Tensor, dim: number, dtype?: DType): Tensor {
  const out = scan(x, dim, dtype ?? sumDtype(x.dtype), (a, v) => a + v, 0);
  if (needsGrad(x)) record(out, cumsumFn, [x], x.shape.length === 0 ? 0 : wrapDim(dim, x.shape.length));
  return out;
}

const cumprodFn = backwardFn('CumprodBackward0', (n, [g]) => {
  const x = n.unpack(0);
  const r = n.unpack(1);
  const dim = n.ctx as number;
  // sum_{j >= i} out_j * g_j / x_i  (inputs without zeros)
  const s = flip(cumsum(flip(mul(r, g!), [dim]), dim), [dim]);
  return [div(s, x)];
});

export function cumprod(x: Tensor, dim: number, dtype?: DType): Tensor {
  const out = scan(x, dim, dtype ?? sumDtype(x.dtype), (a, v) => a * v, 1);
  if (needsGrad(x)) {
    const node = record(out, cumprodFn, [x], x.shape.length === 0 ? 0 : wrapDim(dim, x.shape.length));
    node.save(x);
    node.save(out, 0);
  }
  return out;
}

const softmaxFn = backwardFn('SoftmaxBackward0', (n, [g]) => {
  const y = n.unpack(0);
  const dim = n.ctx as number;
  return [softmaxBackwardData(g!, y, dim)];
}, (n) => ({ dim: n.ctx as number }));
const logSoftmaxFn = backwardFn('LogSoftmaxBackward0', (n, [g]) => {
  const y = n.unpack(0);
  const dim = n.ctx as number;
  return [logSoftmaxBackwardData(g!, y, dim)];
}, (n) => ({ dim: n.ctx as number }));

function softmaxLike(x: Tensor, dim: number, log: boolean): Tensor {
  const d = x.shape.length === 0 ? 0 : wrapDim(dim, x.shape.length);
  if (!x.dtype.isFloating) {
    const lastDim = d === x.shape.length - 1 || x.shape.length === 0;
    const kernel = lastDim ? `${log ? 'log_softmax' : 'softmax'}_lastdim_kernel_impl` : 'softmax_kernel_impl';
    throw runtimeError(`"${kernel}" not implemented for '${x.dtype.scalarName}'`);
  }
  const src = x;
  let out: Tensor;
  const inner = x.shape.slice(d + 1).reduce((a, b) => a * b, 1);
  if (x.dtype === float32 && x.shape.length > 0 && (!log || inner === 1)) {
    // PyTorch's float32 kernel order
    const data = contiguousData(x);
    out = make(float32.alloc(data.length), x.shape.slice(), float32);
    const size = x.shape[d];
    const outer = data.length / Math.max(1, size * inner);
    const o = out.data as Float32Array;
    if (log) logSoftmaxLastDimF32(data, o, outer, size);
    else if (inner === 1) softmaxLastDimF32(data, o, outer, size);
    else softmaxDimF32(data, o, outer, size, inner);
  } else {
    const lse = logsumexp(detachRaw(src), x.shape.length === 0 ? null : [d], true);
    out = mapBinary(src, lse, src.dtype, log ? (v, l) => v - l : (v, l) => Math.exp(v - l));
  }
  if (needsGrad(x)) record(out, log ? logSoftmaxFn : softmaxFn, [x], d).save(out, 0);
  if (x.tangent !== null) {
    // softmax: y * (t - sum(y t)); log_softmax: t - sum(softmax * t)
    setTangent(out, () => {
      const t = x.tangent!;
      const y = log ? exp(detachRaw(out)) : detachRaw(out);
      const s = sum(mul(y, t), d, true);
      return log ? sub(t, s) : mul(y, sub(t, s));
    });
  }
  return out;
}
const detachRaw = (x: Tensor): Tensor => new Tensor(x.data, x.shape, x.strides, x.offset, x.dtype, x.version);

export const softmax = (x: Tensor, dim: number): Tensor => softmaxLike(x, dim, false);
export const logSoftmax = (x: Tensor, dim: number): Tensor => softmaxLike(x, dim, true);

