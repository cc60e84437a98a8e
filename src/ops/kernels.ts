/**
 * Elementwise and reduction loops. Contiguous same-shape operands and scalar operands
 * take flat loops (the common case); anything else walks broadcast strides.
 */
import { type DType, type Storage, bool, float16, roundHalfInPlace } from '../tensor/dtype.js';
import { broadcastShapes, broadcastStrides, contiguousStrides, numelOf, sameShape } from '../tensor/shape.js';
import { Tensor, contiguousData } from '../tensor/tensor.js';

type F1 = (x: number) => number;
type F2 = (x: number, y: number) => number;

export function make(data: Storage, shape: number[], dtype: DType): Tensor {
  if (dtype === float16) roundHalfInPlace(data); // held in a Float32Array: round on store
  return new Tensor(data, shape, contiguousStrides(shape), 0, dtype);
}

export function mapUnary(x: Tensor, dtype: DType, f: F1): Tensor {
  const n = x.numel();
  const out = dtype.alloc(n);
  const src = contiguousData(x);
  if (dtype === bool) for (let i = 0; i < n; i++) out[i] = f(src[i]) ? 1 : 0;
  else for (let i = 0; i < n; i++) out[i] = f(src[i]);
  return make(out, x.shape.length === 0 ? x.shape : x.shape.slice(), dtype);
}

/** out[i] = f(x[i], s) (or f(s, x[i]) when scalarFirst): a tensor with a Python scalar, no closure. */
export function mapWithScalar(x: Tensor, dtype: DType, f: F2, s: number, scalarFirst: boolean): Tensor {
  const n = x.numel();
  const out = dtype.alloc(n);
  const src = contiguousData(x);
  if (scalarFirst) for (let i = 0; i < n; i++) out[i] = f(s, src[i]);
  else for (let i = 0; i < n; i++) out[i] = f(src[i], s);
  if (dtype === bool) for (let i = 0; i < n; i++) out[i] = out[i] ? 1 : 0;
  return make(out, x.shape.length === 0 ? x.shape : x.shape.slice(), dtype);
}

/** out[i] = f(a[i], b[i]) with broadcasting. */
export function mapBinary(a: Tensor, b: Tensor, dtype: DType, f: F2): Tensor {
  const shape = broadcastShapes(a.shape, b.shape);
  const n = numelOf(shape);
  const out = dtype.alloc(n);
  const na = a.numel();
  const nb = b.numel();
  if (na === n && nb === n && sameShape(a.shape, b.shape)) {
    const ad = contiguousData(a);
    const bd = contiguousData(b);
    for (let i = 0; i < n; i++) out[i] = f(ad[i], bd[i]);
  } else if (nb === 1 && na === n) {
    const ad = contiguousData(a);
    const y = b.data[b.offset];
    for (let i = 0; i < n; i++) out[i] = f(ad[i], y);
  } else if (na === 1 && nb === n) {
    const bd = contiguousData(b);
    const x = a.data[a.offset];
    for (let i = 0; i < n; i++) out[i] = f(x, bd[i]);
  } else {
    broadcastLoop(a, b, shape, out, f);
  }
  if (dtype === bool) for (let i = 0; i < n; i++) out[i] = out[i] ? 1 : 0;
  return make(out, shape.length === 0 ? shape : shape.slice(), dtype);
}

function broadcastLoop(a: Tensor, b: Tensor, shape: number[], out: Storage, f: F2): void {
  const n = out.length;
  if (n === 0) return;
  const nd = shape.length;
  const sa = broadcastStrides(a.shape, a.strides, shape);
  const sb = broadcastStrides(b.shape, b.strides, shape);
  const ad = a.data;
  const bd = b.data;
  const idx = new Array<number>(nd).fill(0);
  let oa = a.offset;
  let ob = b.offset;
  const last = nd - 1;
  const len = shape[last];
  const la = sa[last];
  const lb = sb[last];
  for (let k = 0; k < n; ) {
    for (let j = 0, pa = oa, pb = ob; j < len; j++, pa += la, pb += lb) out[k++] = f(ad[pa], bd[pb]);
    for (let d = last - 1; d >= 0; d--) {
      idx[d]++;
      oa += sa[d];
      ob += sb[d];
      if (idx[d] < shape[d]) break;
      oa -= idx[d] * sa[d];
      ob -= idx[d] * sb[d];
      idx[d] = 0;
    }
  }
}

/** Three operands (where, clamp with tensor bounds): broadcast all, then a flat loop. */
export function mapTernary(a: Tensor, b: Tensor, c: Tensor, dtype: DType, f: (x: number, y: number, z: number) => number): Tensor {
  const shape = broadcastShapes(broadcastShapes(a.shape, b.shape), c.shape);
  const ad = contiguousData(expandTo(a, shape));
  const bd = contiguousData(expandTo(b, shape));
  const cd = contiguousData(expandTo(c, shape));
  const n = numelOf(shape);
  const out = dtype.alloc(n);
  for (let i = 0; i < n; i++) out[i] = f(ad[i], bd[i], cd[i]);
  return make(out, shape.slice(), dtype);
}

/** A stride-0 view of t at a broadcast shape (no autograd). */
export function expandTo(t: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(t.shape, shape)) return t;
  return new Tensor(t.data, shape.slice(), broadcastStrides(t.shape, t.strides, shape), t.offset, t.dtype, t.version);
}

/** Values converted to another dtype (a fresh contiguous tensor). */
export function castData(x: Tensor, dtype: DType): Tensor {
  if (dtype.isFloating || dtype === bool) return mapUnary(x, dtype, (v) => v);
  return mapUnary(x, dtype, (v) => (Number.isFinite(v) ? Math.trunc(v) : 0));
}

/**
 * Reduction over `dims`: the reduced dims are moved last and made contiguous, then
 * `fn(data, start, count)` computes each output from its block.
 */
export function reduceBlocks(
  x: Tensor,
  dims: readonly number[],
  keepdim: boolean,
  dtype: DType,
  fn: (data: Storage, start: number, count: number) => number,
): Tensor {
  const nd = x.shape.length;
  const isReduced = new Array<boolean>(nd).fill(false);
  for (const d of dims) isReduced[d] = true;
  const perm: number[] = [];
  const outShape: number[] = [];
  for (let d = 0; d < nd; d++) if (!isReduced[d]) perm.push(d);
  for (let d = 0; d < nd; d++) if (isReduced[d]) perm.push(d);
  for (let d = 0; d < nd; d++) {
    if (!isReduced[d]) outShape.push(x.shape[d]);
    else if (keepdim) outShape.push(1);
  }
  let inner = 1;
  for (const d of dims) inner *= x.shape[d];
  const permuted = new Tensor(x.data, perm.map((p) => x.shape[p]), perm.map((p) => x.strides[p]), x.offset, x.dtype);
  const src = contiguousData(permuted);
  const outer = numelOf(outShape);
  const out = dtype.alloc(outer);
  for (let o = 0; o < outer; o++) out[o] = fn(src, o * inner, inner);
  return make(out, outShape, dtype);
}

/**
 * ATen's cpu_kernel_vec (sinh, cosh, sigmoid, pow in float32) runs the vector kernel on blocks
 * of 16 elements (two AVX2 registers) of each inner run of TensorIterator and the scalar C
 * function on the rest of the run; a run whose inputs are neither contiguous nor a broadcast
 * scalar is all scalar. The two kernels round differently, so which element takes which
 * path is observable.
 */
const VEC_BLOCK = 16;

/**
 * 1 for the elements (row-major over `shape`) that ATen computes with the scalar function,
 * or null when the operands are contiguous and so form one run. `strides` are the
 * operands' strides broadcast to `shape` (0 where broadcast). Follows TensorIterator's
 * reorder_dimensions (innermost = smallest stride, first operand decides) and
 * coalesce_dimensions; single-threaded (below 32768 elements ATen never splits).
 */
export function scalarPathMask(shape: readonly number[], strides: readonly (readonly number[])[]): Uint8Array | null {
  const dims: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) if (shape[d] !== 1) dims.push(d);
  // insertion sort of the dims, innermost first, as reorder_dimensions
  const shouldSwap = (d0: number, d1: number): number => {
    for (const s of strides) {
      if (s[d0] === 0 || s[d1] === 0) continue;
      if (s[d0]! < s[d1]!) return -1;
      if (s[d0]! > s[d1]!) return 1;
      if (shape[d0]! > shape[d1]!) return 1;
    }
    return 0;
  };
  for (let i = 1; i < dims.length; i++) {
    for (let j = i - 1, k = i; j >= 0; j--) {
      const c = shouldSwap(dims[j]!, dims[k]!);
      if (c > 0) {
        [dims[j], dims[k]] = [dims[k]!, dims[j]!];
        k = j;
      } else if (c < 0) break;
    }
  }
  if (dims.length === 0) return null;
  // the inner run: dims that coalesce with the innermost for every operand
  const p0 = dims[0]!;
  let run = shape[p0]!;
  let g = 1;
  for (; g < dims.length; g++) {
    const d = dims[g]!;
    if (!strides.every((s) => s[p0]! * run === s[d])) break;
    run *= shape[d]!;
  }
  const n = numelOf(shape);
  const ones = strides.filter((s) => s[p0] === 1).length;
  const vectorised = ones === strides.length || (ones === strides.length - 1 && strides.some((s) => s[p0] === 0));
  if (vectorised && g === dims.length && dims.every((d, i) => i === 0 || d < dims[i - 1]!)) return null; // one run in row-major order
  const mask = new Uint8Array(n).fill(1);
  if (!vectorised) return mask;
  const vecEnd = run - (run % VEC_BLOCK);
  // walk the plan order (dims innermost first) and mark each element's row-major index
  const logical = contiguousStrides(shape as number[]);
  const idx = new Array<number>(dims.length).fill(0);
  let at = 0;
  for (let j = 0; j < n; j++) {
    if (j % run < vecEnd) mask[at] = 0;
    for (let k = 0; k < dims.length; k++) {
      const d = dims[k]!;
      at += logical[d]!;
      if (++idx[k]! < shape[d]!) break;
      at -= idx[k]! * logical[d]!;
      idx[k] = 0;
    }
  }
  return mask;
}

/** mapUnary with ATen's vector/scalar split: `vec` on vector blocks, `scalar` on the rest. */
export function mapUnaryVec(x: Tensor, dtype: DType, vec: F1, scalar: F1): Tensor {
  const n = x.numel();
  const out = dtype.alloc(n);
  const src = contiguousData(x);
  const mask = x.isContiguous() ? null : scalarPathMask(x.shape, [x.strides]);
  fillSplit(out, n, mask, (i) => vec(src[i]), (i) => scalar(src[i]));
  return make(out, x.shape.length === 0 ? x.shape : x.shape.slice(), dtype);
}

/** mapWithScalar with the vector/scalar split (a Python scalar is a broadcast operand). */
export function mapWithScalarVec(x: Tensor, dtype: DType, vec: F2, scalar: F2, s: number, scalarFirst: boolean): Tensor {
  const n = x.numel();
  const out = dtype.alloc(n);
  const src = contiguousData(x);
  const mask = x.isContiguous() ? null : scalarPathMask(x.shape, [x.strides]);
  if (scalarFirst) fillSplit(out, n, mask, (i) => vec(s, src[i]), (i) => scalar(s, src[i]));
  else fillSplit(out, n, mask, (i) => vec(src[i], s), (i) => scalar(src[i], s));
  return make(out, x.shape.length === 0 ? x.shape : x.shape.slice(), dtype);
}

/** mapBinary with the vector/scalar split. */
export function mapBinaryVec(a: Tensor, b: Tensor, dtype: DType, vec: F2, scalar: F2): Tensor {
  const shape = broadcastShapes(a.shape, b.shape);
  const n = numelOf(shape);
  const out = dtype.alloc(n);
  const ad = contiguousData(expandTo(a, shape));
  const bd = contiguousData(expandTo(b, shape));
  const mask = scalarPathMask(shape, [broadcastStrides(a.shape, a.strides, shape), broadcastStrides(b.shape, b.strides, shape)]);
  fillSplit(out, n, mask, (i) => vec(ad[i], bd[i]), (i) => scalar(ad[i], bd[i]));
  return make(out, shape.length === 0 ? shape : shape.slice(), dtype);
}

/** out[i] = vec(i) or scalar(i): by the mask, or (null mask) vec on the leading whole blocks. */
function fillSplit(out: Storage, n: number, mask: Uint8Array | null, vec: (i: number) => number, scalar: (i: number) => number): void {
  if (mask === null) {
    const vecEnd = n - (n % VEC_BLOCK);
    for (let i = 0; i < vecEnd; i++) out[i] = vec(i);
    for (let i = vecEnd; i < n; i++) out[i] = scalar(i);
  } else for (let i = 0; i < n; i++) out[i] = mask[i] ? scalar(i) : vec(i);
}
