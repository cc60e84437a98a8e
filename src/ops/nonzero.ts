/**
 * Data-dependent selections: nonzero, masked_select, unique (sorted; dim=None or a dim),
 * bincount and count_nonzero. Their output sizes depend on the values, so none of them is
 * a view; only masked_select has a gradient (the others record PyTorch's "not
 * implemented" nodes or nothing, as 1.13 does).
 */
import { bool, float32, float64, int64, uint8 } from '../tensor/dtype.js';
import { PyError, runtimeError } from '../tensor/errors.js';
import { broadcastShapes, numelOf, wrapDim } from '../tensor/shape.js';
import { Tensor, contiguousData, fromFlat } from '../tensor/tensor.js';
import { zeros } from './creation.js';
import { expandTo } from './kernels.js';
import { sumTo } from './reduce.js';
import { backwardFn, needsGrad, record } from './registry.js';

/** torch.nonzero(x): an [n, ndim] int64 tensor of the coordinates of the nonzero elements. */
export function nonzero(x: Tensor): Tensor {
  const coords = nonzeroCoords(x);
  const nd = x.shape.length;
  const n = nd === 0 ? coords.length : coords.length / nd;
  return fromFlat(coords, [n, nd], int64);
}

/** nonzero(as_tuple=True) / torch.where(cond): one int64 vector per dim (a 0-d input counts as 1-d). */
export function nonzeroTuple(x: Tensor): Tensor[] {
  const coords = nonzeroCoords(x);
  const nd = x.shape.length;
  if (nd === 0) return [fromFlat(coords.length > 0 ? [0] : [], [coords.length], int64)];
  const n = coords.length / nd;
  const out: Tensor[] = [];
  for (let d = 0; d < nd; d++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = coords[i * nd + d];
    out.push(fromFlat(v, [n], int64));
  }
  return out;
}

/** Row-major coordinates of the nonzero elements (for 0-d: one 0 per nonzero element). */
function nonzeroCoords(x: Tensor): number[] {
  const data = contiguousData(x);
  const shape = x.shape;
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  const out: number[] = [];
  for (let k = 0; k < data.length; k++) {
    if (data[k] !== 0) {
      if (nd === 0) out.push(0);
      else for (let d = 0; d < nd; d++) out.push(idx[d]);
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

const maskedSelectFn = backwardFn('MaskedSelectBackward0', (n, [g]) => {
  const [shape, full] = n.ctx as [number[], number[]];
  return [sumTo(maskedScatter(zeros(full, g!.dtype), n.unpack(0), g!), shape)];
});

/** zeros of `base`'s shape with g's values written in order where mask (broadcast) is set. */
function maskedScatter(base: Tensor, mask: Tensor, g: Tensor): Tensor {
  const m = contiguousData(expandTo(mask, base.shape));
  const src = contiguousData(g);
  const od = base.data;
  let j = 0;
  for (let k = 0; k < m.length; k++) if (m[k] !== 0) od[k] = src[j++];
  return base;
}

/** torch.masked_select(x, mask): the elements where the broadcast mask is set, as a vector. */
export function maskedSelect(x: Tensor, mask: Tensor): Tensor {
  if (mask.dtype !== bool && mask.dtype !== uint8) throw runtimeError('masked_select: expected BoolTensor or ByteTensor for mask');
  const shape = broadcastShapes(mask.shape, x.shape);
  const xs = contiguousData(expandTo(x, shape));
  const ms = contiguousData(expandTo(mask, shape));
  const out: number[] = [];
  for (let k = 0; k < ms.length; k++) if (ms[k] !== 0) out.push(xs[k]);
  const r = fromFlat(out, [out.length], x.dtype);
  if (needsGrad(x)) record(r, maskedSelectFn, [x], [x.shape, shape]).save(mask, -1, 'mask');
  return r;
}

const notImplemented = (name: string) =>
  backwardFn(name.startsWith('_') ? 'Unique2Backward0' : name === 'unique_dim' ? 'UniqueDimBackward0' : 'NotImplemented', () => {
    throw new PyError('NotImplementedError', `the derivative for '${name}' is not implemented.`);
  });
const unique2Fn = notImplemented('_unique2');
const uniqueDimFn = notImplemented('unique_dim');
const bincountFn = notImplemented('bincount');

export interface UniqueResult {
  values: Tensor;
  inverse: Tensor;
  counts: Tensor;
}

/** torch.unique(x) with dim=None, sorted (_unique2): the distinct values, inverse indices and counts. */
export function unique(x: Tensor): UniqueResult {
  const data = contiguousData(x);
  // NaNs last, each one distinct (1.13's order around a NaN depends on its hash set)
  const order = Array.from(data.keys()).sort((a, b) => (data[a] !== data[a] ? 1 : data[b] !== data[b] ? -1 : data[a] - data[b]));
  const values: number[] = [];
  const counts: number[] = [];
  const inverse = new Float64Array(data.length);
  for (let i = 0; i < order.length; i++) {
    const v = data[order[i]];
    if (i === 0 || v !== values[values.length - 1]) {
      values.push(v);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[order[i]] = values.length - 1;
  }
  const r = fromFlat(values, [values.length], x.dtype);
  if (needsGrad(x)) record(r, unique2Fn, [x]);
  return { values: r, inverse: fromFlat(inverse, x.shape, int64), counts: fromFlat(counts, [counts.length], int64) };
}

/** torch.unique(x, dim=d): the distinct slices along d in lexicographic order (unique_dim). */
export function uniqueDim(x: Tensor, dim: number): UniqueResult {
  const d = wrapDim(dim, x.shape.length);
  const size = x.shape[d];
  // slices along d as rows: move d to the front
  const rest = numelOf(x.shape) / Math.max(size, 1);
  const src = contiguousData(x);
  let inner = 1;
  for (let i = d + 1; i < x.shape.length; i++) inner *= x.shape[i];
  const rows: number[][] = [];
  for (let s = 0; s < size; s++) {
    const row = new Array<number>(rest);
    for (let k = 0; k < rest; k++) row[k] = src[(Math.floor(k / inner) * size + s) * inner + (k % inner)];
    rows.push(row);
  }
  const less = (a: number, b: number) => {
    for (let k = 0; k < rest; k++) if (rows[a][k] !== rows[b][k]) return rows[a][k] < rows[b][k];
    return false;
  };
  const order = Array.from(rows.keys()).sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
  const kept: number[] = [];
  const counts: number[] = [];
  const inverse = new Float64Array(size);
  for (let i = 0; i < order.length; i++) {
    if (i === 0 || less(kept[kept.length - 1], order[i])) {
      kept.push(order[i]);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[order[i]] = kept.length - 1;
  }
  const shape = x.shape.map((s, i) => (i === d ? kept.length : s));
  const out = new Float64Array(numelOf(shape));
  for (let j = 0; j < kept.length; j++)
    for (let k = 0; k < rest; k++) out[(Math.floor(k / inner) * kept.length + j) * inner + (k % inner)] = rows[kept[j]][k];
  const r = fromFlat(out, shape, x.dtype);
  if (needsGrad(x)) record(r, uniqueDimFn, [x]);
  return { values: r, inverse: fromFlat(inverse, [size], int64), counts: fromFlat(counts, [counts.length], int64) };
}

/** torch.bincount(x, weights, minlength): counts (int64) or summed weights (float32 weights stay float32, others give float64). */
export function bincount(x: Tensor, weights: Tensor | null, minlength: number): Tensor {
  if (x.dtype.isFloating || x.dtype === bool) throw runtimeError(`"bincount_cpu" not implemented for '${x.dtype.scalarName}'`);
  if (minlength < 0) throw runtimeError('minlength should be >= 0');
  const idx = contiguousData(x);
  let max = -1;
  for (let i = 0; i < idx.length; i++) if (idx[i] > max) max = idx[i];
  if (x.shape.length !== 1 || idx.some((v) => v < 0)) throw runtimeError('bincount only supports 1-d non-negative integral inputs.');
  if (weights !== null && (weights.shape.length !== 1 || weights.shape[0] !== idx.length)) throw runtimeError('weights should be 1-d and have the same length as input');
  const n = Math.max(minlength, max + 1);
  const dtype = weights === null ? int64 : weights.dtype === float32 ? float32 : float64;
  const out = dtype.alloc(n);
  const w = weights === null ? null : contiguousData(weights);
  for (let i = 0; i < idx.length; i++) out[idx[i]] += w === null ? 1 : w[i];
  const r = fromFlat(out, [n], dtype);
  if (weights !== null && needsGrad(weights)) record(r, bincountFn, [weights]);
  return r;
}

/** torch.count_nonzero(x, dims): int64 counts over `dims` (all dims when null). */
export function countNonzero(x: Tensor, dims: number[] | null): Tensor {
  const nd = x.shape.length;
  const reduced = new Array<boolean>(nd).fill(dims === null);
  for (const d of dims ?? []) {
    const w = wrapDim(d, Math.max(nd, 1));
    if (nd > 0) {
      if (reduced[w]) throw runtimeError(`dim ${w} appears multiple times in the list of dims`);
      reduced[w] = true;
    }
  }
  const shape = x.shape.filter((_, i) => !reduced[i]);
  const out = new Float64Array(numelOf(shape));
  const data = contiguousData(x);
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < data.length; k++) {
    if (data[k] !== 0) {
      let o = 0;
      for (let d = 0; d < nd; d++) if (!reduced[d]) o = o * x.shape[d] + idx[d];
      out[o]++;
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < x.shape[d]) break;
      idx[d] = 0;
    }
  }
  return fromFlat(out, shape, int64);
}
