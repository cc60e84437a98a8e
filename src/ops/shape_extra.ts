/**
 * Shape ops PyTorch 1.13 builds out of other ops (narrow, movedim, tile, ravel, diff,
 * tensor_split, take_along_dim, ...): each is written with the same composition so the
 * recorded graph (grad_fn names) is PyTorch's; rot90 and take have their own nodes.
 */
import { bool, int64 } from '../tensor/dtype.js';
import { indexError, runtimeError } from '../tensor/errors.js';
import { broadcastShapes, contiguousStrides, inferSize, numelOf, shapeList, wrapDim } from '../tensor/shape.js';
import { Tensor, contiguousData } from '../tensor/tensor.js';
import { withGradMode } from '../autograd/grad_mode.js';
import { sub } from './arith.js';
import { clone, contiguous } from './convert.js';
import { fromFlat, zeros, zerosLike } from './creation.js';
import { copy_ } from './inplace.js';
import { gather, indexSelect } from './gather.js';
import { cat, flip, repeat } from './join.js';
import { backwardFn, needsGrad, record } from './registry.js';
import { logicalXor } from './select.js';
import { expand, permute, reshape, slice, transpose, view } from './views.js';

/** x.narrow(dim, start, length): a slice view (SliceBackward0), with narrow()'s checks. */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  if (x.shape.length === 0) throw runtimeError('narrow() cannot be applied to a 0-dim tensor.');
  const d = wrapDim(dim, x.shape.length);
  const size = x.shape[d];
  // start == size is a valid (empty) start; anything else is wrapped like a dim
  const s = start === size ? start : wrapDim(start, size);
  if (length < 0 || s > size - length) throw runtimeError(`start (${s}) + length (${length}) exceeds dimension size (${size}).`);
  return slice(x, d, s, s + length, 1);
}

/** movedim/moveaxis: the permutation that puts each source dim at its destination. */
export function movedim(x: Tensor, source: readonly number[], destination: readonly number[]): Tensor {
  const nd = x.shape.length;
  if (source.length !== destination.length) {
    throw runtimeError(
      `movedim: Invalid source or destination dims: source (${shapeList(source)} dims) should contain the same number of dims as destination (${shapeList(destination)} dims)`,
    );
  }
  const src = source.map((d) => wrapDim(d, nd));
  const dst = destination.map((d) => wrapDim(d, nd));
  if (new Set(src).size !== src.length) throw runtimeError(`movedim: repeated dim in \`source\` (${shapeList(source)})`);
  if (new Set(dst).size !== dst.length) throw runtimeError(`movedim: repeated dim in \`destination\` (${shapeList(destination)})`);
  const order = new Array<number>(nd).fill(-1);
  src.forEach((s, i) => (order[dst[i]] = s));
  const rest = [...Array(nd).keys()].filter((d) => !src.includes(d));
  let k = 0;
  for (let i = 0; i < nd; i++) if (order[i] === -1) order[i] = rest[k++];
  return permute(x, order);
}

/** tile: repeat with the repetitions left-padded by ones to x's rank. */
export function tile(x: Tensor, reps: readonly number[]): Tensor {
  const pad = x.shape.length - reps.length;
  return repeat(x, pad > 0 ? [...new Array<number>(pad).fill(1), ...reps] : reps);
}

/** ravel: contiguous().view(-1) (CloneBackward0 first when x is not contiguous). */
export const ravel = (x: Tensor): Tensor => view(contiguous(x), [-1]);

/** unflatten(dim, sizes): a view splitting one dim (sizes may hold one -1). */
export function unflatten(x: Tensor, dim: number, sizes: readonly number[]): Tensor {
  const d = wrapDim(dim, x.shape.length);
  if (sizes.length === 0) throw runtimeError('unflatten: sizes must be non-empty');
  const inner = inferSize(sizes, x.shape[d]);
  return view(x, [...x.shape.slice(0, d), ...inner, ...x.shape.slice(d + 1)]);
}

export function fliplr(x: Tensor): Tensor {
  if (x.shape.length < 2) throw runtimeError('Input must be >= 2-d.');
  return flip(x, [1]);
}

export function flipud(x: Tensor): Tensor {
  if (x.shape.length < 1) throw runtimeError('Input must be >= 1-d.');
  return flip(x, [0]);
}

const rot90Fn = backwardFn('Rot90Backward0', (n, [g]) => {
  const [k, dims] = n.ctx as [number, number[]];
  return [rot90(g!, -k, dims)];
}, (n) => {
  const [k, dims] = n.ctx as [number, number[]];
  return { k, dims };
});

/** rot90(k, dims): flips and a transpose as ATen does (so the result's strides match), one Rot90Backward0 node. */
export function rot90(x: Tensor, k = 1, dims: readonly number[] = [0, 1]): Tensor {
  const nd = x.shape.length;
  if (dims.length !== 2) throw runtimeError(`expected total rotation dims == 2, but got dims = ${dims.length}`);
  if (nd < 2) throw runtimeError(`expected total dims >= 2, but got total dims = ${nd}`);
  const [a, b] = dims.map((d) => wrapDim(d, nd));
  if (a === b) throw runtimeError(`expected rotation dims to be different, but got dim0 = ${a} and dim1 = ${b}`);
  const m = ((k % 4) + 4) % 4;
  const out = withGradMode(false, () => {
    if (m === 1) return detachedView(transpose(flip(x, [b]), a, b));
    if (m === 2) return flip(x, [a, b]);
    if (m === 3) return detachedView(transpose(flip(x, [a]), a, b));
    return clone(x);
  });
  if (needsGrad(x)) record(out, rot90Fn, [x], [k, [a, b]]);
  return out;
}

/** The same geometry as a fresh tensor owning the storage (no base, no history). */
const detachedView = (v: Tensor): Tensor => new Tensor(v.data, v.shape, v.strides, v.offset, v.dtype);

/** repeat_interleave(repeats, dim): index_select with each index repeated (IndexSelectBackward0). */
export function repeatInterleave(x: Tensor, repeats: number | Tensor, dim: number | null): Tensor {
  const input = dim === null ? flattenAll(x) : x;
  const d = dim === null ? 0 : wrapDim(dim, Math.max(x.shape.length, 1));
  const size = input.shape.length === 0 ? 1 : input.shape[d];
  let counts: ArrayLike<number>;
  if (repeats instanceof Tensor) {
    if (repeats.shape.length > 1) throw runtimeError('repeats must be 0-dim or 1-dim tensor');
    const r = contiguousData(repeats);
    counts = repeats.shape.length === 0 ? new Array<number>(size).fill(r[0]) : r;
    if (counts.length !== size) throw runtimeError('repeats must have the same size as input along dim');
  } else counts = new Array<number>(size).fill(repeats);
  const idx: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] < 0) throw runtimeError('repeats can not be negative');
    for (let j = 0; j < counts[i]; j++) idx.push(i);
  }
  return indexSelect(input, d, fromFlat(idx, [idx.length], int64));
}

const flattenAll = (x: Tensor): Tensor => (x.shape.length === 1 ? x : reshape(x, [-1]));

const takeFn = backwardFn('TakeBackward0', (n, [g]) => {
  const shape = n.ctx as number[];
  const index = contiguousData(n.unpack(0));
  const size = numelOf(shape);
  const gd = contiguousData(g!);
  const out = zeros(shape, g!.dtype);
  for (let i = 0; i < index.length; i++) out.data[wrapIndex(index[i], size)] += gd[i];
  return [out];
});

const wrapIndex = (v: number, size: number): number => (v < 0 ? v + size : v);

/** take(index): x read as a flat row-major array (TakeBackward0). */
export function take(x: Tensor, index: Tensor): Tensor {
  if (index.dtype !== int64) throw runtimeError(`take(): Expected a long tensor for index, but got ${index.dtype.scalarName}`);
  const src = contiguousData(x);
  const size = src.length;
  const idx = contiguousData(index);
  const out = x.dtype.alloc(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i];
    if (v < -size || v >= size) throw indexError(`out of range: tried to access index ${v} on a tensor of ${size} elements.`);
    out[i] = src[wrapIndex(v, size)];
  }
  const r = new Tensor(out, index.shape.slice(), contiguousStrides(index.shape), 0, x.dtype);
  if (needsGrad(x)) record(r, takeFn, [x], x.shape).save(index, -1, 'index');
  return r;
}

/** take_along_dim: gather after broadcasting x and indices over the other dims (ExpandBackward0 first). */
export function takeAlongDim(x: Tensor, indices: Tensor, dim: number | null): Tensor {
  if (indices.dtype !== int64) throw runtimeError(`torch.take_along_dim(): dtype of indices should be Long but got ${indices.dtype.scalarName}`);
  if (dim === null) return gather(view(x, [-1]), 0, view(indices, [-1]));
  if (x.shape.length !== indices.shape.length) {
    throw runtimeError(`torch.take_along_dim(): input and indices should have the same number of dimensions, but got ${x.shape.length} dimensions for input, and ${indices.shape.length} dimensions for indices`);
  }
  const d = wrapDim(dim, x.shape.length);
  const xs = x.shape.slice();
  const is = indices.shape.slice();
  xs[d] = 1;
  is[d] = 1;
  const common = broadcastShapes(xs, is);
  const xShape = common.slice();
  const iShape = common.slice();
  xShape[d] = x.shape[d];
  iShape[d] = indices.shape[d];
  return gather(expand(x, xShape), d, expand(indices, iShape));
}

/** tensor_split: a number of sections (the first size % n one longer) or split indices; slices. */
export function tensorSplit(x: Tensor, sections: number | readonly number[], dim: number): Tensor[] {
  if (x.shape.length === 0) throw runtimeError(`tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims`);
  const d = wrapDim(dim, x.shape.length);
  const size = x.shape[d];
  const out: Tensor[] = [];
  if (typeof sections === 'number') {
    if (sections <= 0) throw runtimeError(`number of sections must be larger than 0, got ${sections}`);
    const base = Math.floor(size / sections);
    const extra = size % sections;
    let start = 0;
    for (let i = 0; i < sections; i++) {
      const len = base + (i < extra ? 1 : 0);
      out.push(slice(x, d, start, start + len, 1));
      start += len;
    }
    return out;
  }
  let start = 0;
  for (const end of [...sections, size]) {
    out.push(slice(x, d, start, end, 1));
    start = end;
  }
  return out;
}

/** hsplit/vsplit/dsplit: tensor_split along a fixed dim; an int must divide that dim. */
export function directionalSplit(name: 'hsplit' | 'vsplit' | 'dsplit', x: Tensor, sections: number | readonly number[]): Tensor[] {
  const nd = x.shape.length;
  const need = name === 'hsplit' ? 1 : name === 'vsplit' ? 2 : 3;
  if (nd < need) {
    throw runtimeError(`torch.${name} requires a tensor with at least ${need} dimension, but got a tensor with ${nd} dimensions!`);
  }
  const dim = name === 'hsplit' ? (nd === 1 ? 0 : 1) : name === 'vsplit' ? 0 : 2;
  if (typeof sections === 'number') {
    if (sections === 0 || x.shape[dim] % sections !== 0) {
      throw runtimeError(
        `torch.${name} attempted to split along dimension ${dim}, but the size of the dimension ${x.shape[dim]} is not divisible by the split_size ${sections}!`,
      );
    }
  }
  return tensorSplit(x, sections, dim);
}

/** diff: n rounds of x[1:] - x[:-1] (logical_xor for bool), after cat'ing prepend/append. */
export function diff(x: Tensor, n: number, dim: number, prepend: Tensor | null, append: Tensor | null): Tensor {
  if (x.shape.length === 0) throw runtimeError('diff expects input to be at least one-dimensional');
  // n < 0 returns the input itself; n == 0 a copy (CopyBackwards), as ATen's diff does
  if (n < 0 && prepend === null && append === null) return x;
  if (n === 0) return copy_(zerosLike(x), x);
  const d = wrapDim(dim, x.shape.length);
  let r = x;
  if (prepend !== null || append !== null) r = cat([...(prepend ? [prepend] : []), x, ...(append ? [append] : [])], d);
  let len = r.shape[d] - 1;
  const rounds = Math.min(n, r.shape[d]);
  for (let i = 0; i < rounds; i++) {
    const hi = narrow(r, d, 1, len);
    const lo = narrow(r, d, 0, len);
    r = r.dtype === bool ? logicalXor(hi, lo) : sub(hi, lo);
    len--;
  }
  return r;
}

const indexFillFn = backwardFn('IndexFillBackward0', (n, [g]) => {
  const d = n.ctx as number;
  return [indexFill(g!, d, n.unpack(0), 0)];
});

/** x.index_fill(dim, index, value), out of place (IndexFillBackward0). */
export function indexFill(x: Tensor, dim: number, index: Tensor, value: number): Tensor {
  if (index.dtype !== int64) throw indexError(`index_fill_(): Expected dtype int64 for index.`);
  if (index.shape.length > 1) throw indexError('Index has to be a vector/scalar');
  const d = wrapDim(dim, Math.max(x.shape.length, 1));
  const out = withGradMode(false, () => clone(x));
  const size = x.shape.length === 0 ? 1 : x.shape[d];
  const idx = contiguousData(index);
  const inner = x.shape.length === 0 ? 1 : numelOf(x.shape.slice(d + 1));
  const outer = out.numel() / Math.max(size * inner, 1);
  const v = x.dtype.isFloating ? value : x.dtype === bool ? (value ? 1 : 0) : Math.trunc(value);
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k];
    if (j < -size || j >= size) throw indexError(`index ${j} is out of bounds for dimension ${d} with size ${size}`);
    const at = j < 0 ? j + size : j;
    for (let o = 0; o < outer; o++) out.data.fill(v, (o * size + at) * inner, (o * size + at + 1) * inner);
  }
  if (needsGrad(x)) record(out, indexFillFn, [x], d).save(index, -1, 'index');
  return out;
}
