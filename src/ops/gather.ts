/**
 * Index-along-a-dim ops: gather, scatter (src or value), scatter_add, index_select and the
 * index_add that is index_select's backward. Sort/topk/median backwards are built on scatter.
 */
import { int32, int64 } from '../tensor/dtype.js';
import { indexError, runtimeError } from '../tensor/errors.js';
import { contiguousStrides, numelOf, wrapDim } from '../tensor/shape.js';
import { Tensor, contiguousData } from '../tensor/tensor.js';
import { rawCopy } from './convert.js';
import { zeros } from './creation.js';
import { castData } from './kernels.js';
import { backwardFn, needsGrad, needsGrad2, record } from './registry.js';
import { type Scalar, scalarValue } from './scalar.js';

/**
 * Storage offset in `t` of every element of a tensor of `shape`, the `dim` coordinate
 * taken as 0 (the caller adds index * t.strides[dim]).
 */
function baseOffsets(shape: readonly number[], t: Tensor, dim: number): Float64Array {
  const n = numelOf(shape);
  const out = new Float64Array(n);
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  let off = t.offset;
  for (let k = 0; k < n; k++) {
    out[k] = off;
    for (let d = nd - 1; d >= 0; d--) {
      const step = d === dim ? 0 : t.strides[d];
      idx[d]++;
      off += step;
      if (idx[d] < shape[d]) break;
      off -= idx[d] * step;
      idx[d] = 0;
    }
  }
  return out;
}

function checkIndex(fn: string, self: Tensor, dim: number, index: Tensor, src: Tensor | null): void {
  if (index.dtype !== int64) throw runtimeError(`${fn}(): Expected dtype int64 for index`);
  const nd = Math.max(self.shape.length, 1);
  if (Math.max(index.shape.length, 1) !== nd) throw runtimeError('Index tensor must have the same number of dimensions as input tensor');
  for (let d = 0; d < index.shape.length; d++) {
    if (d !== dim && index.shape[d] > (self.shape[d] ?? 1)) {
      throw runtimeError(
        `Size does not match at dimension ${d} expected index [${index.shape.join(', ')}] to be smaller than self [${self.shape.join(', ')}] apart from dimension ${dim}`,
      );
    }
    if (src !== null && index.shape[d] > (src.shape[d] ?? 1)) {
      throw runtimeError(`Size does not match at dimension ${d} expected index [${index.shape.join(', ')}] to be smaller than src [${src.shape.join(', ')}]`);
    }
  }
}

function indexValues(index: Tensor, size: number, dim: number): ArrayLike<number> {
  const idx = contiguousData(index);
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i];
    if (v < -size || v >= size) throw runtimeError(`index ${v} is out of bounds for dimension ${dim} with size ${size}`);
  }
  return idx;
}

const dimOf = (t: Tensor, dim: number) => wrapDim(dim, Math.max(t.shape.length, 1));

const gatherFn = backwardFn('GatherBackward0', (n, [g]) => {
  const [shape, dim] = n.ctx as [number[], number];
  return [scatterAdd(zeros(shape, g!.dtype), dim, n.unpack(0), g!)];
}, (n) => ({ dim: (n.ctx as [number[], number])[1], sparse_grad: false }));

/** torch.gather(x, dim, index): out[i][j] = x[i][index[i][j]] (dim 1), GatherBackward0. */
export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  const d = dimOf(x, dim);
  checkIndex('gather', x, d, index, null);
  const size = x.shape[d] ?? 1;
  const idx = indexValues(index, size, d);
  const base = baseOffsets(index.shape, x, d);
  const stride = x.strides[d] ?? 0;
  const out = x.dtype.alloc(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = x.data[base[k] + (idx[k] < 0 ? idx[k] + size : idx[k]) * stride];
  const r = new Tensor(out, index.shape.slice(), contiguousStrides(index.shape), 0, x.dtype);
  if (needsGrad(x)) record(r, gatherFn, [x], [x.shape, d]).save(index, -1, 'index');
  return r;
}

/** Writes (or adds) src / a value into a copy of x at index along dim. */
function scatterInto(x: Tensor, d: number, index: Tensor, src: Tensor | number, accumulate: boolean): Tensor {
  const out = rawCopy(x);
  const size = x.shape[d] ?? 1;
  const idx = indexValues(index, size, d);
  const base = baseOffsets(index.shape, out, d);
  const stride = out.strides[d] ?? 0;
  const od = out.data;
  if (typeof src === 'number') {
    for (let k = 0; k < idx.length; k++) od[base[k] + (idx[k] < 0 ? idx[k] + size : idx[k]) * stride] = src;
    return out;
  }
  const s = src.dtype === x.dtype ? src : castData(src, x.dtype);
  const sbase = baseOffsets(index.shape, s, -1);
  for (let k = 0; k < idx.length; k++) {
    const o = base[k] + (idx[k] < 0 ? idx[k] + size : idx[k]) * stride;
    // float32 storage rounds each partial sum, as ATen's float accumulation does
    od[o] = accumulate ? od[o] + s.data[sbase[k]] : s.data[sbase[k]];
  }
  return out;
}

const dimAttr = (n: { ctx: unknown }) => ({ dim: n.ctx as number });
const scatterSrcFn = backwardFn('ScatterBackward0', (n, [g]) => {
  const d = n.ctx as number;
  const index = n.unpack(0);
  return [n.next[0] ? scatter(g!, d, index, 0) : null, n.next[1] ? gather(g!, d, index) : null];
}, dimAttr);
const scatterValueFn = backwardFn('ScatterBackward1', (n, [g]) => [scatter(g!, n.ctx as number, n.unpack(0), 0)], dimAttr);
const scatterAddFn = backwardFn('ScatterAddBackward0', (n, [g]) => [n.next[0] ? g! : null, n.next[1] ? gather(g!, n.ctx as number, n.unpack(0)) : null], dimAttr);

/** Out-of-place scatter: ScatterBackward0 (src tensor) / ScatterBackward1 (value). */
export function scatter(x: Tensor, dim: number, index: Tensor, src: Tensor | Scalar): Tensor {
  const d = dimOf(x, dim);
  if (src instanceof Tensor) {
    checkIndex('scatter', x, d, index, src);
    const out = scatterInto(x, d, index, src, false);
    if (needsGrad2(x, src)) record(out, scatterSrcFn, [x, src], d).save(index, -1, 'index');
    return out;
  }
  checkIndex('scatter', x, d, index, null);
  const v = scalarValue(src);
  const out = scatterInto(x, d, index, x.dtype.name === 'float32' ? Math.fround(v) : x.dtype.isFloating ? v : Math.trunc(v), false);
  if (needsGrad(x)) record(out, scatterValueFn, [x], d).save(index, -1, 'index');
  return out;
}

/** Out-of-place scatter_add (ScatterAddBackward0). */
export function scatterAdd(x: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  const d = dimOf(x, dim);
  checkIndex('scatter_add', x, d, index, src);
  const out = scatterInto(x, d, index, src, true);
  if (needsGrad2(x, src)) record(out, scatterAddFn, [x, src], d).save(index, -1, 'index');
  return out;
}

function checkVectorIndex(index: Tensor): void {
  if (index.dtype !== int64 && index.dtype !== int32) throw runtimeError('index_select(): Expected dtype int32 or int64 for index');
  if (index.shape.length > 1) throw indexError('index_select(): Index is supposed to be a vector');
}

/** x viewed as [outer, size, inner] around dim (contiguous data). */
function around(shape: readonly number[], d: number): [number, number, number] {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < d; i++) outer *= shape[i];
  for (let i = d + 1; i < shape.length; i++) inner *= shape[i];
  return [outer, shape[d] ?? 1, inner];
}

const indexSelectFn = backwardFn('IndexSelectBackward0', (n, [g]) => {
  const [shape, d] = n.ctx as [number[], number];
  return [indexAdd(zeros(shape, g!.dtype), d, n.unpack(0), g!)];
}, (n) => ({ dim: (n.ctx as [number[], number])[1], self_sym_sizes: (n.ctx as [number[], number])[0] }));

/** torch.index_select(x, dim, index): the slices of x at `index` along dim (IndexSelectBackward0). */
export function indexSelect(x: Tensor, dim: number, index: Tensor): Tensor {
  checkVectorIndex(index);
  const d = dimOf(x, dim);
  const idx = contiguousData(index);
  const [outer, size, inner] = around(x.shape, d);
  for (let i = 0; i < idx.length; i++) {
    if (idx[i] < 0 || idx[i] >= size) throw runtimeError(`INDICES element is out of DATA bounds, id=${idx[i]} axis_dim=${size}`);
  }
  const src = contiguousData(x);
  const m = idx.length;
  const out = x.dtype.alloc(outer * m * inner);
  for (let o = 0; o < outer; o++)
    for (let j = 0; j < m; j++) {
      const from = (o * size + idx[j]) * inner;
      out.set(src.subarray(from, from + inner) as never, (o * m + j) * inner);
    }
  const shape = x.shape.length === 0 ? [] : x.shape.map((s, i) => (i === d ? m : s));
  const r = new Tensor(out, shape, contiguousStrides(shape), 0, x.dtype);
  if (needsGrad(x)) record(r, indexSelectFn, [x], [x.shape, d]).save(index, -1, 'index');
  return r;
}

const indexAddFn = backwardFn('IndexAddBackward0', (n, [g]) => {
  const d = n.ctx as number;
  return [n.next[0] ? g! : null, n.next[1] ? indexSelect(g!, d, n.unpack(0)) : null];
});

/** x.index_add(dim, index, src), out of place (IndexAddBackward0): index_select's backward. */
export function indexAdd(x: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  const d = dimOf(x, dim);
  const out = rawCopy(x);
  const idx = contiguousData(index);
  const [outer, size, inner] = around(x.shape, d);
  const s = contiguousData(src.dtype === x.dtype ? src : castData(src, x.dtype));
  const m = idx.length;
  const od = out.data;
  for (let o = 0; o < outer; o++)
    for (let j = 0; j < m; j++) {
      const to = (o * size + idx[j]) * inner;
      const from = (o * m + j) * inner;
      for (let i = 0; i < inner; i++) od[to + i] += s[from + i];
    }
  if (needsGrad2(x, src)) record(out, indexAddFn, [x, src], d).save(index, -1, 'index');
  return out;
}
