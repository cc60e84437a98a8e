/**
 * View ops: the result shares storage and version counter with its input; `base` points
 * at the tensor that owns the storage. Backward formulas map the gradient back.
 */
import { linearTangent, setTangent } from '../autograd/forward_ad.js';
import type { Node } from '../autograd/node.js';
import { bool } from '../tensor/dtype.js';
import { indexError, runtimeError, warn } from '../tensor/errors.js';
import { contiguousStrides, inferSize, numelOf, sameShape, shapeList, wrapDim } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { clone } from './convert.js';
import { zeros } from './creation.js';
import { backwardFn, needsGrad, record } from './registry.js';
import { sumTo } from './reduce.js';

/** A view of x with the given geometry (records nothing). */
export function aliasOf(x: Tensor, shape: number[], strides: number[], offset: number): Tensor {
  const out = new Tensor(x.data, shape, strides, offset, x.dtype, x.version);
  out.base = x.base ?? x;
  return out;
}

function viewWith(x: Tensor, shape: number[], strides: number[], offset: number, fn: ReturnType<typeof backwardFn>, ctx: unknown): Tensor {
  const out = aliasOf(x, shape, strides, offset);
  if (needsGrad(x)) record(out, fn, [x], ctx);
  // jvp of a view: the same view of the tangent (laid out like the primal)
  if (x.tangent !== null) setTangent(out, () => aliasOf(x.tangent!, shape, strides, offset));
  return out;
}

/** Strides for viewing x as `shape` without copying, or null (ATen's computeStride). */
export function viewStrides(x: Tensor, shape: readonly number[]): number[] | null {
  if (x.isContiguous()) return contiguousStrides(shape);
  const oldShape = x.shape;
  const oldStrides = x.strides;
  const newStrides = new Array<number>(shape.length);
  if (numelOf(oldShape) === 0) return contiguousStrides(shape);
  let viewD = shape.length - 1;
  let chunkBase = oldStrides[oldStrides.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = oldShape.length - 1; d >= 0; d--) {
    tensorNumel *= oldShape[d];
    if (d === 0 || (oldShape[d - 1] !== 1 && oldStrides[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBase;
        viewNumel *= shape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = oldStrides[d - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return newStrides;
}

const reshapeGrad = (name: string) => backwardFn(name, (n, [g]) => [reshape(g!, n.ctx as number[])]);
const viewFn = reshapeGrad('ViewBackward0');
const reshapeAliasFn = reshapeGrad('ReshapeAliasBackward0');
const unsafeViewFn = reshapeGrad('UnsafeViewBackward0');

export function view(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferSize(shape, x.numel());
  const strides = viewStrides(x, target);
  if (strides === null) {
    throw runtimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  return viewWith(x, target, strides, x.offset, viewFn, x.shape);
}

/** reshape: a view when the layout allows (ReshapeAliasBackward0), else a copy (UnsafeViewBackward0 over CloneBackward0). */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferSize(shape, x.numel());
  const strides = viewStrides(x, target);
  if (strides !== null) return viewWith(x, target, strides, x.offset, reshapeAliasFn, x.shape);
  const c = clone(x);
  const out = new Tensor(c.data, target, contiguousStrides(target), 0, c.dtype, c.version);
  if (needsGrad(c)) record(out, unsafeViewFn, [c], c.shape);
  linearTangent(out, c, (t) => reshape(t, target));
  return out;
}

/** The result of an op that produced a fresh contiguous tensor, viewed as `shape` (matmul's folding). */
export function unsafeView(x: Tensor, shape: readonly number[]): Tensor {
  const out = new Tensor(x.data, shape.slice(), contiguousStrides(shape), x.offset, x.dtype, x.version);
  if (needsGrad(x)) record(out, unsafeViewFn, [x], x.shape);
  linearTangent(out, x, (t) => reshape(t, shape));
  return out;
}

export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.shape.length === 0) return reshape(x, [1]);
  const s = wrapDim(startDim, x.shape.length);
  const e = wrapDim(endDim, x.shape.length);
  if (s > e) throw runtimeError('flatten() has invalid args: start_dim cannot come after end_dim');
  if (s === e) return x;
  const shape = [...x.shape.slice(0, s), x.shape.slice(s, e + 1).reduce((a, b) => a * b, 1), ...x.shape.slice(e + 1)];
  return reshape(x, shape);
}

const transposeFn = backwardFn('TransposeBackward0', (n, [g]) => {
  const [a, b] = n.ctx as [number, number];
  return [transpose(g!, a, b)];
}, (n) => {
  const [dim0, dim1] = n.ctx as [number, number];
  return { dim0, dim1 };
});
const tFn = backwardFn('TBackward0', (_n, [g]) => [t(g!)]);
const permuteFn = backwardFn('PermuteBackward0', (n, [g]) => {
  const dims = n.ctx as number[];
  const inv = new Array<number>(dims.length);
  dims.forEach((d, i) => (inv[d] = i));
  return [permute(g!, inv)];
});

function swapped(x: Tensor, a: number, b: number): [number[], number[]] {
  const shape = x.shape.slice();
  const strides = x.strides.slice();
  [shape[a], shape[b]] = [shape[b], shape[a]];
  [strides[a], strides[b]] = [strides[b], strides[a]];
  return [shape, strides];
}

export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  const a = wrapDim(dim0, x.shape.length);
  const b = wrapDim(dim1, x.shape.length);
  if (x.shape.length === 0) return viewWith(x, [], [], x.offset, transposeFn, [0, 0]);
  const [shape, strides] = swapped(x, a, b);
  return viewWith(x, shape, strides, x.offset, transposeFn, [a, b]);
}

/** x.t(): 0-d and 1-d are returned as views unchanged, 2-d transposed; more is an error. */
export function t(x: Tensor): Tensor {
  const nd = x.shape.length;
  if (nd > 2) throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${nd}D`);
  if (nd < 2) return viewWith(x, x.shape.slice(), x.strides.slice(), x.offset, tFn, null);
  const [shape, strides] = swapped(x, 0, 1);
  return viewWith(x, shape, strides, x.offset, tFn, null);
}

export function permute(x: Tensor, dims: readonly number[]): Tensor {
  const nd = x.shape.length;
  if (dims.length !== nd) {
    throw runtimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${nd} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const wrapped = dims.map((d) => wrapDim(d, nd));
  if (new Set(wrapped).size !== nd) throw runtimeError('permute(): duplicate dims are not allowed.');
  return viewWith(
    x,
    wrapped.map((d) => x.shape[d]),
    wrapped.map((d) => x.strides[d]),
    x.offset,
    permuteFn,
    wrapped,
  );
}

/** x.T: reverses all dims (PermuteBackward0); deprecated (UserWarning) for 1-d and >2-d. */
export function T(x: Tensor): Tensor {
  const nd = x.shape.length;
  if (nd !== 2 && nd !== 0) {
    warn(
      'UserWarning',
      'The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will throw an error in a future release. Consider `x.mT` to transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor.',
    );
  }
  return permute(x, x.shape.map((_, i) => nd - 1 - i));
}

const squeezeAllFn = backwardFn('SqueezeBackward0', (n, [g]) => [reshape(g!, n.ctx as number[])]);
const squeezeDimGrad = (name: string) =>
  backwardFn(name, (n, [g]) => {
    const [dim, wasOne] = n.ctx as [number, boolean];
    return [wasOne ? unsqueeze(g!, dim) : g!];
  });
const squeezeDimFn = squeezeDimGrad('SqueezeBackward1');
/** matmul's in-place squeeze_(dim) has its own class name in PyTorch. */
const squeezeInplaceDimFn = squeezeDimGrad('SqueezeBackward3');
const unsqueezeFn = backwardFn('UnsqueezeBackward0', (n, [g]) => [squeeze(g!, n.ctx as number)], (n) => ({ dim: n.ctx as number }));

export function squeeze(x: Tensor, dim?: number | null, inplaceName = false): Tensor {
  if (dim === undefined || dim === null) {
    const shape: number[] = [];
    const strides: number[] = [];
    x.shape.forEach((s, i) => {
      if (s !== 1) {
        shape.push(s);
        strides.push(x.strides[i]);
      }
    });
    return viewWith(x, shape, strides, x.offset, squeezeAllFn, x.shape);
  }
  const d = wrapDim(dim, x.shape.length);
  const fn = inplaceName ? squeezeInplaceDimFn : squeezeDimFn;
  if (x.shape.length === 0 || x.shape[d] !== 1) return viewWith(x, x.shape.slice(), x.strides.slice(), x.offset, fn, [d, false]);
  const shape = x.shape.filter((_, i) => i !== d);
  const strides = x.strides.filter((_, i) => i !== d);
  return viewWith(x, shape, strides, x.offset, fn, [d, true]);
}

export function unsqueeze(x: Tensor, dim: number): Tensor {
  const d = wrapDim(dim, x.shape.length + 1);
  const shape = x.shape.slice();
  const strides = x.strides.slice();
  const st = d < x.shape.length ? x.shape[d] * x.strides[d] : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, st);
  return viewWith(x, shape, strides, x.offset, unsqueezeFn, d);
}

const expandFn = backwardFn('ExpandBackward0', (n, [g]) => [sumTo(g!, n.ctx as number[])]);

export function expand(x: Tensor, sizes: readonly number[]): Tensor {
  const [shape, strides] = expandGeometry(x, sizes);
  return viewWith(x, shape, strides, x.offset, expandFn, x.shape);
}

/** Shape and strides of x expanded to `sizes`, with expand()'s error messages. */
function expandGeometry(x: Tensor, sizes: readonly number[]): [number[], number[]] {
  const nd = x.shape.length;
  if (sizes.length < nd) {
    throw runtimeError(
      `expand(${x.dtype.legacyName}{${shapeList(x.shape)}}, size=${shapeList(sizes)}): the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${nd})`,
    );
  }
  const off = sizes.length - nd;
  const shape = new Array<number>(sizes.length);
  const strides = new Array<number>(sizes.length);
  for (let i = sizes.length - 1; i >= 0; i--) {
    const j = i - off;
    const want = sizes[i];
    if (j < 0) {
      if (want < 0) throw runtimeError(`The expanded size of the tensor (${want}) isn't allowed in a leading, non-existing dimension ${i}`);
      shape[i] = want;
      strides[i] = 0;
    } else if (want === -1 || want === x.shape[j]) {
      shape[i] = x.shape[j];
      strides[i] = x.strides[j];
    } else if (x.shape[j] === 1) {
      shape[i] = want;
      strides[i] = 0;
    } else {
      throw runtimeError(
        `The expanded size of the tensor (${want}) must match the existing size (${x.shape[j]}) at non-singleton dimension ${i}.  Target sizes: ${shapeList(sizes)}.  Tensor sizes: ${shapeList(x.shape)}`,
      );
    }
  }
  return [shape, strides];
}

/**
 * Scatter g into zeros of the input's shape at the view (select_backward / slice_backward):
 * recorded under create_graph as `fn`, whose own gradient is the same view of its grad.
 */
function embedView(g: Tensor, inputShape: readonly number[], pick: (z: Tensor) => Tensor, fn: ReturnType<typeof backwardFn>): Tensor {
  const z = zeros(inputShape, g.dtype);
  copyInto(pick(z), g);
  if (needsGrad(g)) record(z, fn, [g], pick);
  return z;
}
const pickGrad = (n: Node, [gg]: (Tensor | null)[]) => [(n.ctx as (t: Tensor) => Tensor)(gg!)];
const selectBackwardFn = backwardFn('SelectBackwardBackward0', pickGrad);
const sliceBackwardFn = backwardFn('SliceBackwardBackward0', pickGrad);

/** Raw strided copy src -> dst (shapes equal or src broadcastable), no autograd, no version bump. */
export function copyInto(dst: Tensor, src: Tensor): void {
  const shape = dst.shape;
  const n = numelOf(shape);
  if (n === 0) return;
  const s = sameShape(src.shape, shape) ? src : expandRaw(src, shape);
  const conv = dst.dtype.isFloating ? null : dst.dtype === bool ? (v: number) => (v ? 1 : 0) : Math.trunc;
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  let od = dst.offset;
  let os = s.offset;
  for (let k = 0; k < n; k++) {
    const v = s.data[os];
    dst.data[od] = conv === null ? v : conv(v);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      od += dst.strides[d];
      os += s.strides[d];
      if (idx[d] < shape[d]) break;
      od -= idx[d] * dst.strides[d];
      os -= idx[d] * s.strides[d];
      idx[d] = 0;
    }
  }
}

/** A stride-0 view of t at `shape` (no autograd), with expand()'s checks and messages. */
export function expandRaw(t: Tensor, shape: readonly number[]): Tensor {
  const [s, strides] = expandGeometry(t, shape);
  return new Tensor(t.data, s, strides, t.offset, t.dtype, t.version);
}

const selectFn = backwardFn('SelectBackward0', (n, [g]) => {
  const [shape, dim, index] = n.ctx as [number[], number, number];
  return [embedView(g!, shape, (z) => select(z, dim, index), selectBackwardFn)];
}, (n) => {
  const [shape, dim, index] = n.ctx as [number[], number, number];
  return { dim, index, self_sizes: shape };
});

export function select(x: Tensor, dim: number, index: number): Tensor {
  if (x.shape.length === 0) throw indexError('invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number');
  const d = wrapDim(dim, x.shape.length);
  const size = x.shape[d];
  if (index < -size || index >= size) throw indexError(`select(): index ${index} out of range for tensor of size ${shapeList(x.shape)} at dimension ${d}`);
  const i = index < 0 ? index + size : index;
  const shape = x.shape.filter((_, k) => k !== d);
  const strides = x.strides.filter((_, k) => k !== d);
  return viewWith(x, shape, strides, x.offset + i * x.strides[d], selectFn, [x.shape, d, i]);
}

const sliceFn = backwardFn('SliceBackward0', (n, [g]) => {
  const [shape, dim, start, end, step] = n.ctx as [number[], number, number, number, number];
  return [embedView(g!, shape, (z) => slice(z, dim, start, end, step), sliceBackwardFn)];
});

/** x[start:end:step] along dim, Python slice semantics (clamped bounds); step must be positive. */
export function slice(x: Tensor, dim: number, start: number | null, end: number | null, step = 1): Tensor {
  if (step <= 0) throw runtimeError('slice step must be positive');
  const d = wrapDim(dim, x.shape.length);
  const size = x.shape[d];
  let s = start ?? 0;
  let e = end ?? size;
  if (s < 0) s += size;
  if (e < 0) e += size;
  s = Math.min(Math.max(s, 0), size);
  e = Math.min(Math.max(e, s), size);
  const len = Math.ceil((e - s) / step);
  const shape = x.shape.slice();
  const strides = x.strides.slice();
  shape[d] = len;
  strides[d] = x.strides[d] * step;
  return viewWith(x, shape, strides, x.offset + s * x.strides[d], sliceFn, [x.shape, d, s, e, step]);
}

const aliasFn = backwardFn('AliasBackward0', (_n, [g]) => [g!]);
/** x[...]: an alias that records AliasBackward0. */
export const alias = (x: Tensor): Tensor => viewWith(x, x.shape.slice(), x.strides.slice(), x.offset, aliasFn, null);
