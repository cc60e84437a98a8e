/**
 * Elementwise and reduction loops. Contiguous same-shape operands and scalar operands
 * take flat loops (the common case); anything else walks broadcast strides.
 */
import { type DType, type Storage, bool } from '../tensor/dtype.js';
import { broadcastShapes, broadcastStrides, contiguousStrides, numelOf, sameShape } from '../tensor/shape.js';
import { Tensor, contiguousData } from '../tensor/tensor.js';

type F1 = (x: number) => number;
type F2 = (x: number, y: number) => number;

export function make(data: Storage, shape: number[], dtype: DType): Tensor {
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
