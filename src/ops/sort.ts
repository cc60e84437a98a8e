/**
 * Sorting and order statistics: sort, argsort, msort, topk, kthvalue, median, nanmedian,
 * mode, cummax, cummin. Each follows PyTorch 1.13's CPU kernel step by step (the
 * libstdc++ algorithms in stl_sort.ts), so the indices chosen among equal values match.
 */
import { bool, int64 } from '../tensor/dtype.js';
import { indexError, runtimeError } from '../tensor/errors.js';
import { wrapDim } from '../tensor/shape.js';
import { type Tensor, contiguousData, fromFlat } from '../tensor/tensor.js';
import { div } from './arith.js';
import { zeros } from './creation.js';
import { scatter, scatterAdd } from './gather.js';
import { make } from './kernels.js';
import { backwardFn, needsGrad, record } from './registry.js';
import { where } from './select.js';
import { nthElement, partialSort, quickSelect, stdSort } from './stl_sort.js';
import { unsqueeze } from './views.js';

const isNaN = (v: number) => v !== v;

/** The lines of x along dim: element j of line (o, i) sits at (o * size + j) * inner + i. */
interface Lines {
  data: ArrayLike<number>;
  outer: number;
  size: number;
  inner: number;
  dim: number;
}
function linesOf(x: Tensor, dim: number): Lines {
  const nd = x.shape.length;
  const d = wrapDim(dim, Math.max(nd, 1));
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < d; i++) outer *= x.shape[i];
  for (let i = d + 1; i < nd; i++) inner *= x.shape[i];
  return { data: contiguousData(x), outer, size: nd === 0 ? 1 : x.shape[d], inner, dim: d };
}

/** Runs `fn(values of one line, write(j, value, index))` for every line; outputs have `k` along dim. */
function perLine(
  x: Tensor,
  L: Lines,
  k: number,
  keepdim: boolean,
  fn: (v: Float64Array, out: (j: number, value: number, index: number) => void) => void,
): [Tensor, Tensor] {
  const { outer, size, inner, data } = L;
  const values = x.dtype.alloc(outer * k * inner);
  const indices = int64.alloc(outer * k * inner);
  const line = new Float64Array(size);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      for (let j = 0; j < size; j++) line[j] = data[(o * size + j) * inner + i];
      fn(line, (j, value, index) => {
        const at = (o * k + j) * inner + i;
        values[at] = value;
        indices[at] = index;
      });
    }
  let shape = x.shape.slice();
  if (shape.length > 0) {
    if (keepdim) shape[L.dim] = k;
    else shape = shape.filter((_, d) => d !== L.dim);
  }
  return [make(values, shape, x.dtype), make(indices, shape.slice(), int64)];
}

/** value_selecting_reduction_backward: grad scattered into zeros at indices along dim. */
function selectingBackward(name: string) {
  return backwardFn(name, (n, [g]) => {
    const [shape, dim, keepdim] = n.ctx as [number[], number, boolean];
    let grad = g!;
    let idx = n.unpack(0);
    if (shape.length === 0) return [grad];
    if (!keepdim) {
      grad = unsqueeze(grad, dim);
      idx = unsqueeze(idx, dim);
    }
    return [scatter(zeros(shape, grad.dtype), dim, idx, grad)];
  }, (n) => {
    const [shape, dim, keepdim] = n.ctx as [number[], number, boolean];
    return { dim, keepdim, self_sym_sizes: shape };
  });
}

function recordSelecting(fn: ReturnType<typeof backwardFn>, x: Tensor, values: Tensor, indices: Tensor, dim: number, keepdim: boolean): void {
  if (needsGrad(x)) record(values, fn, [x], [x.shape, dim, keepdim]).save(indices, 1, 'indices');
}

const ascending = (v: Float64Array) => (a: number, b: number) => (!isNaN(v[a]) && isNaN(v[b])) || v[a] < v[b];
const descending = (v: Float64Array) => (a: number, b: number) => (isNaN(v[a]) && !isNaN(v[b])) || v[a] > v[b];

const sortFn = selectingBackward('SortBackward0');

/** torch.sort -> [values, indices] (SortBackward0). NaN sorts as the largest value. */
export function sort(x: Tensor, dim = -1, desc = false, stable = false): [Tensor, Tensor] {
  const L = linesOf(x, dim);
  const order = new Int32Array(L.size);
  const cmp = (a: number, b: number, v: Float64Array) => (desc ? descending(v)(a, b) : ascending(v)(a, b));
  const [values, indices] = perLine(x, L, L.size, true, (v, out) => {
    for (let j = 0; j < order.length; j++) order[j] = j;
    if (stable) order.sort((a, b) => (cmp(a, b, v) ? -1 : cmp(b, a, v) ? 1 : 0));
    else stdSort(order, 0, order.length, desc ? descending(v) : ascending(v));
    for (let j = 0; j < order.length; j++) out(j, v[order[j]], order[j]);
  });
  recordSelecting(sortFn, x, values, indices, L.dim, true);
  return [values, indices];
}

const topkFn = selectingBackward('TopkBackward0');

/** torch.topk -> [values, indices] (TopkBackward0): ATen's partial_sort / nth_element loop. */
export function topk(x: Tensor, k: number, dim = -1, largest = true, sorted = true): [Tensor, Tensor] {
  const L = linesOf(x, dim);
  if (k < 0 || k > L.size) throw runtimeError('selected index k out of range');
  const queue = new Int32Array(L.size);
  const [values, indices] = perLine(x, L, k, true, (v, out) => {
    const n = queue.length;
    for (let j = 0; j < n; j++) queue[j] = j;
    const less = largest ? descending(v) : ascending(v);
    if (k * 64 <= n) partialSort(queue, 0, k, n, less);
    else if (k > 0) {
      nthElement(queue, 0, k - 1, n, less);
      if (sorted) stdSort(queue, 0, k - 1, less);
    }
    for (let j = 0; j < k; j++) out(j, v[queue[j]], queue[j]);
  });
  recordSelecting(topkFn, x, values, indices, L.dim, true);
  return [values, indices];
}

const kthFn = selectingBackward('KthvalueBackward0');

/** torch.kthvalue: the k-th smallest (1-based) along dim (KthvalueBackward0). */
export function kthvalue(x: Tensor, k: number, dim = -1, keepdim = false): [Tensor, Tensor] {
  const L = linesOf(x, dim);
  if (k < 1 || k > L.size) throw runtimeError(`kthvalue(): selected number k out of range for dimension ${L.dim}`);
  const ids = new Int32Array(L.size);
  const [values, indices] = perLine(x, L, 1, keepdim, (v, out) => {
    for (let j = 0; j < ids.length; j++) ids[j] = j;
    quickSelect(ids, ids.length, k - 1, (a, b) => (isNaN(v[a]) && !isNaN(v[b])) || v[a] > v[b]);
    out(0, v[ids[k - 1]], ids[k - 1]);
  });
  recordSelecting(kthFn, x, values, indices, L.dim, keepdim);
  return [values, indices];
}

/**
 * The lower median of a line: with `ignoreNan` NaNs are dropped, else the first NaN
 * wins. Ties resolve to the stable order (ATen's comparator breaks them by index).
 */
function medianOfLine(v: ArrayLike<number>, ignoreNan: boolean): [number, number] {
  const ids: number[] = [];
  for (let j = 0; j < v.length; j++) {
    if (isNaN(v[j])) {
      if (!ignoreNan) return [v[j], j];
    } else ids.push(j);
  }
  if (ids.length === 0) return [NaN, 0];
  ids.sort((a, b) => v[a] - v[b] || a - b);
  const j = ids[(ids.length - 1) >> 1];
  return [v[j], j];
}

/** evenly_distribute_backward: the gradient shared by the elements equal to the result (NaN: by the NaNs). */
function evenlyBackward(name: string) {
  return backwardFn(name, (n, [g]) => {
    const x = n.unpack(0);
    const target = n.unpack(1).item();
    const data = contiguousData(x);
    const flags = new Uint8Array(data.length);
    let count = 0;
    for (let i = 0; i < data.length; i++) if (isNaN(target) ? isNaN(data[i]) : data[i] === target) (flags[i] = 1), count++;
    return [where(fromFlat(flags, x.shape, bool), div(g!, count), 0)];
  });
}

function medianAll(name: string, ignoreNan: boolean) {
  const fn = evenlyBackward(name);
  return (x: Tensor): Tensor => {
    const out = fromFlat([medianOfLine(contiguousData(x), ignoreNan)[0]], [], x.dtype);
    if (needsGrad(x)) {
      const node = record(out, fn, [x]);
      node.save(x);
      node.save(out, 0);
    }
    return out;
  };
}

function medianAlongDim(name: string, ignoreNan: boolean) {
  const fn = selectingBackward(name);
  return (x: Tensor, dim: number, keepdim = false): [Tensor, Tensor] => {
    const L = linesOf(x, dim);
    if (L.size === 0) throw indexError(`${ignoreNan ? 'nanmedian' : 'median'}(): Expected reduction dim ${L.dim} to have non-zero size.`);
    const [values, indices] = perLine(x, L, 1, keepdim, (v, out) => out(0, ...medianOfLine(v, ignoreNan)));
    recordSelecting(fn, x, values, indices, L.dim, keepdim);
    return [values, indices];
  };
}

/** torch.median(x): the lower median, NaN if any (MedianBackward0). */
export const median = medianAll('MedianBackward0', false);
/** torch.median(x, dim, keepdim) -> [values, indices] (MedianBackward1). */
export const medianDim = medianAlongDim('MedianBackward1', false);
export const nanmedian = medianAll('NanmedianBackward0', true);
export const nanmedianDim = medianAlongDim('NanmedianBackward1', true);

const modeFn = selectingBackward('ModeBackward0');

/** torch.mode: the most frequent value (the smallest among equally frequent), ModeBackward0. */
export function mode(x: Tensor, dim = -1, keepdim = false): [Tensor, Tensor] {
  const L = linesOf(x, dim);
  if (L.size === 0) throw indexError(`mode(): Expected reduction dim ${L.dim} to have non-zero size.`);
  const order = new Int32Array(L.size);
  const [values, indices] = perLine(x, L, 1, keepdim, (v, out) => {
    const n = order.length;
    for (let j = 0; j < n; j++) order[j] = j;
    stdSort(order, 0, n, (a, b) => v[a] < v[b]);
    let mode = 0;
    let modei = 0;
    let freq = 0;
    let maxFreq = 0;
    for (let i = 0; i < n; i++) {
      freq++;
      if (i === n - 1 || v[order[i]] !== v[order[i + 1]]) {
        if (freq > maxFreq) {
          mode = v[order[i]];
          modei = order[i];
          maxFreq = freq;
        }
        freq = 0;
      }
    }
    out(0, mode, modei);
  });
  recordSelecting(modeFn, x, values, indices, L.dim, keepdim);
  return [values, indices];
}

function cumExtreme(name: string, better: (a: number, b: number) => boolean) {
  const fn = backwardFn(name, (n, [g]) => {
    const [shape, dim] = n.ctx as [number[], number];
    if (shape.length === 0) return [g!];
    return [scatterAdd(zeros(shape, g!.dtype), dim, n.unpack(0), g!)];
  }, (n) => ({ dim: (n.ctx as [number[], number])[1] }));
  return (x: Tensor, dim: number): [Tensor, Tensor] => {
    const L = linesOf(x, dim);
    const [values, indices] = perLine(x, L, L.size, true, (v, out) => {
      let best = v[0];
      let idx = 0;
      for (let j = 0; j < v.length; j++) {
        const e = v[j];
        // a NaN, once met, stays (ATen's cummax_cummin_helper)
        if (isNaN(e) || (!isNaN(best) && better(e, best))) {
          best = e;
          idx = j;
        }
        out(j, best, idx);
      }
    });
    if (needsGrad(x)) record(values, fn, [x], [x.shape, L.dim]).save(indices, 1, 'indices');
    return [values, indices];
  };
}
/** torch.cummax(x, dim) -> [values, indices] (CummaxBackward0); ties take the later index. */
export const cummax = cumExtreme('CummaxBackward0', (a, b) => a >= b);
export const cummin = cumExtreme('CumminBackward0', (a, b) => a <= b);
