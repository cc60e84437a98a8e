/** Joining and splitting: cat stack split chunk unbind repeat flip. */
import { linearTangent, setTangent } from '../autograd/forward_ad.js';
import { Node, setHistory } from '../autograd/node.js';
import { runtimeError } from '../tensor/errors.js';
import { promoteTypes } from '../tensor/promote.js';
import { numelOf, shapeList, wrapDim } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { castData, make } from './kernels.js';
import { backwardFn, needsGrad, needsGradAny, record } from './registry.js';
import { sumTo } from './reduce.js';
import { aliasOf, copyInto, reshape, slice, unsqueeze } from './views.js';
import { zeros } from './creation.js';

const catFn = backwardFn('CatBackward0', (n, [g]) => {
  const [dim, sizes] = n.ctx as [number, number[]];
  let start = 0;
  return sizes.map((s) => {
    const r = slice(g!, dim, start, start + s);
    start += s;
    return r;
  });
});

export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError('torch.cat(): expected a non-empty list of Tensors');
  // legacy rule: 1-d empty tensors are skipped for shape checks
  const ref = tensors.find((t) => !(t.shape.length === 1 && t.shape[0] === 0)) ?? tensors[0];
  if (ref.shape.length === 0) throw runtimeError(`zero-dimensional tensor (at position ${tensors.indexOf(ref)}) cannot be concatenated`);
  const d = wrapDim(dim, ref.shape.length);
  let dtype = tensors[0].dtype;
  for (const t of tensors) dtype = promoteTypes(dtype, t.dtype);
  const shape = ref.shape.slice();
  shape[d] = 0;
  tensors.forEach((t, i) => {
    if (t.shape.length === 1 && t.shape[0] === 0 && ref.shape.length !== 1) return;
    if (t.shape.length !== ref.shape.length) {
      throw runtimeError(`Tensors must have same number of dimensions: got ${ref.shape.length} and ${t.shape.length}`);
    }
    for (let k = 0; k < shape.length; k++) {
      if (k !== d && t.shape[k] !== ref.shape[k]) {
        throw runtimeError(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[k]} but got size ${t.shape[k]} for tensor number ${i} in the list.`,
        );
      }
    }
    shape[d] += t.shape[d];
  });
  const out = zeros(shape, dtype);
  let start = 0;
  const sizes: number[] = [];
  for (const t of tensors) {
    const s = t.shape.length === ref.shape.length ? t.shape[d] : 0;
    sizes.push(s);
    if (s > 0) copyInto(rawSlice(out, d, start, s), t.dtype === dtype ? t : castData(t, dtype));
    start += s;
  }
  if (needsGradAny(tensors)) record(out, catFn, tensors, [d, sizes]);
  if (tensors.some((t) => t.tangent !== null)) setTangent(out, () => cat(tensors.map((t) => t.tangent ?? zeros(t.shape, t.dtype)), d));
  return out;
}

function rawSlice(t: Tensor, dim: number, start: number, len: number): Tensor {
  const shape = t.shape.slice();
  shape[dim] = len;
  return aliasOf(t, shape, t.strides.slice(), t.offset + start * t.strides[dim]);
}

const stackFn = backwardFn('StackBackward0', (n, [g]) => {
  const [dim, count] = n.ctx as [number, number];
  return Array.from({ length: count }, (_, i) => selectNoView(g!, dim, i));
});
function selectNoView(g: Tensor, dim: number, i: number): Tensor {
  return reshape(slice(g, dim, i, i + 1), g.shape.filter((_, k) => k !== dim));
}

export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError('stack expects a non-empty TensorList');
  const ref = tensors[0];
  tensors.forEach((t, i) => {
    if (t.shape.length !== ref.shape.length || t.shape.some((s, k) => s !== ref.shape[k])) {
      throw runtimeError(`stack expects each tensor to be equal size, but got ${shapeList(ref.shape)} at entry 0 and ${shapeList(t.shape)} at entry ${i}`);
    }
  });
  const d = wrapDim(dim, ref.shape.length + 1);
  const parts = tensors.map((t) => aliasOf(t, [...t.shape.slice(0, d), 1, ...t.shape.slice(d)], [...t.strides.slice(0, d), 0, ...t.strides.slice(d)], t.offset));
  const out = cat(parts.map((p) => detachedView(p)), d);
  if (needsGradAny(tensors)) record(out, stackFn, tensors, [d, tensors.length]);
  if (tensors.some((t) => t.tangent !== null)) setTangent(out, () => stack(tensors.map((t) => t.tangent ?? zeros(t.shape, t.dtype)), d));
  return out;
}
const detachedView = (p: Tensor): Tensor => aliasOf(p, p.shape, p.strides, p.offset);

/** A multi-output view node (UnbindBackward0 / SplitBackward0): grads of unused outputs are zeros. */
function multiView(x: Tensor, parts: Tensor[], name: string, dim: number, sizes: number[], squeeze: boolean): Tensor[] {
  if (!needsGrad(x)) return parts;
  const fn = backwardFn(name, (_n, grads) => {
    const pieces = grads.map((g, i) => {
      const shape = x.shape.slice();
      shape[dim] = sizes[i];
      const z = g ?? zeros(squeeze ? shape.filter((_, k) => k !== dim) : shape, x.dtype);
      return squeeze ? unsqueeze(z, dim) : z;
    });
    return [cat(pieces, dim)];
  });
  const node = new Node(fn, [x]);
  node.numOutputs = parts.length;
  parts.forEach((p, i) => setHistory(p, node, i));
  return parts;
}

export function unbind(x: Tensor, dim = 0): Tensor[] {
  const d = wrapDim(dim, x.shape.length);
  const shape = x.shape.filter((_, k) => k !== d);
  const strides = x.strides.filter((_, k) => k !== d);
  const parts = Array.from({ length: x.shape[d] }, (_, i) => aliasOf(x, shape.slice(), strides.slice(), x.offset + i * x.strides[d]));
  return multiView(x, parts, 'UnbindBackward0', d, parts.map(() => 1), true);
}

/** split(size) or split([sizes]); chunk(n) is split by ceil(size / n). */
export function split(x: Tensor, sizeOrSizes: number | readonly number[], dim = 0): Tensor[] {
  const d = wrapDim(dim, x.shape.length);
  const total = x.shape[d];
  let sizes: number[];
  if (typeof sizeOrSizes === 'number') {
    if (sizeOrSizes === 0 && total !== 0) {
      throw runtimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${total}`);
    }
    sizes = [];
    for (let s = 0; s < total; s += sizeOrSizes) sizes.push(Math.min(sizeOrSizes, total - s));
    if (sizes.length === 0) sizes.push(0);
  } else {
    sizes = sizeOrSizes.slice();
    if (sizes.reduce((a, b) => a + b, 0) !== total) {
      throw runtimeError(
        `split_with_sizes expects split_sizes to sum exactly to ${total} (input tensor's size at dimension ${d}), but got split_sizes=${shapeList(sizes)}`,
      );
    }
  }
  let start = 0;
  const parts = sizes.map((s) => {
    const p = rawSlice(x, d, start, s);
    start += s;
    return p;
  });
  return multiView(x, parts, typeof sizeOrSizes === 'number' ? 'SplitBackward0' : 'SplitWithSizesBackward0', d, sizes, false);
}

export function chunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  if (chunks <= 0) throw runtimeError(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = wrapDim(dim, x.shape.length);
  return split(x, Math.ceil(x.shape[d] / chunks) || 1, d);
}

const repeatFn = backwardFn('RepeatBackward0', (n, [g]) => {
  const [inShape, reps] = n.ctx as [number[], number[]];
  // view as (rep0, size0, rep1, size1, ...) and sum the rep dims
  const lead = reps.length - inShape.length;
  const padded = [...new Array(lead).fill(1), ...inShape];
  const split: number[] = [];
  padded.forEach((s, i) => split.push(reps[i], s));
  const r = reshape(g!, split);
  return [reshape(sumTo(r, split.map((s, i) => (i % 2 === 0 ? 1 : s))), inShape)];
});

export function repeat(x: Tensor, reps: readonly number[]): Tensor {
  if (reps.length < x.shape.length) {
    throw runtimeError('Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor');
  }
  const lead = reps.length - x.shape.length;
  const padded = [...new Array<number>(lead).fill(1), ...x.shape];
  const expShape: number[] = [];
  const viewShape: number[] = [];
  padded.forEach((s, i) => {
    expShape.push(reps[i], s);
    viewShape.push(1, s);
  });
  // read x through stride 0 on the repeat dims: (rep0, size0, rep1, size1, ...)
  const inStrides = [...new Array<number>(lead).fill(0), ...x.strides];
  const e = aliasOf(x, expShape, viewShape.map((_, i) => (i % 2 === 1 ? inStrides[(i - 1) / 2] : 0)), x.offset);
  const out = make(x.dtype.alloc(numelOf(expShape)), expShape, x.dtype);
  copyInto(out, e);
  const result = make(out.data, padded.map((s, i) => s * reps[i]), x.dtype);
  if (needsGrad(x)) record(result, repeatFn, [x], [x.shape, reps.slice()]);
  linearTangent(result, x, (t) => repeat(t, reps));
  return result;
}

const flipFn = backwardFn('FlipBackward0', (n, [g]) => [flip(g!, n.ctx as number[])]);

export function flip(x: Tensor, dims: readonly number[]): Tensor {
  const ds = dims.map((d) => wrapDim(d, x.shape.length));
  let offset = x.offset;
  const strides = x.strides.slice();
  for (const d of ds) {
    if (x.shape[d] > 0) offset += (x.shape[d] - 1) * x.strides[d];
    strides[d] = -strides[d];
  }
  const out = make(x.dtype.alloc(x.numel()), x.shape.slice(), x.dtype);
  copyInto(out, aliasOf(x, x.shape.slice(), strides, offset));
  if (needsGrad(x)) record(out, flipFn, [x], ds);
  linearTangent(out, x, (t) => flip(t, ds));
  return out;
}

