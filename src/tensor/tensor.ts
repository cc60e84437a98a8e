/**
 * The strided Tensor. Views share `data` and `version` with their base; autograd state
 * (requiresGrad, gradFn, grad, hooks) lives here and is driven by src/autograd + src/ops.
 */
import type { Node } from '../autograd/node.js';
import { type DType, type Storage, bool, float16, toHalf } from './dtype.js';
import { valueError } from './errors.js';
import { contiguousStrides, numelOf } from './shape.js';

/** Shared by a tensor and all its views: bumped by every in-place write. */
export class VersionCounter {
  v = 0;
}

export type GradHook = (grad: Tensor) => Tensor | null | undefined | void;
export interface HookHandle {
  remove(): void;
}
export type Nested = number | boolean | Nested[];

export class Tensor {
  requiresGrad = false;
  gradFn: Node | null = null;
  /** Which output of gradFn this tensor is. */
  outputNr = 0;
  grad: Tensor | null = null;
  retainsGrad = false;
  /** The tensor whose storage this view reads (PyTorch's `_base`), or null. */
  base: Tensor | null = null;
  /** A view's version when its history was set: an in-place change of its base since makes it stale (-1: not a view with history). */
  historyVersion = -1;
  /** A Python scalar wrapped for type promotion (lowest priority in result_type). */
  wrapped = false;
  /** Leaf only: hooks run before accumulation (non-leaf hooks live on the node). */
  hooks: GradHook[] | null = null;
  /** Leaf only: the AccumulateGrad node, created once and reused as PyTorch does. */
  accumulator: Node | null = null;
  /** Forward-mode AD: the tangent (same strides and offset as this tensor), or null. */
  tangent: Tensor | null = null;

  private versionCounter: VersionCounter | null;

  constructor(
    public data: Storage,
    public shape: number[],
    public strides: number[],
    public offset: number,
    public dtype: DType,
    version: VersionCounter | null = null,
  ) {
    this.versionCounter = version;
  }

  /** Created on first use: most temporaries are never versioned (less garbage per op). */
  get version(): VersionCounter {
    return (this.versionCounter ??= new VersionCounter());
  }

  get isLeaf(): boolean {
    return this.gradFn === null;
  }
  numel(): number {
    return numelOf(this.shape);
  }
  dim(): number {
    return this.shape.length;
  }
  elementSize(): number {
    return this.dtype.itemsize;
  }
  isContiguous(): boolean {
    let expected = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      const s = this.shape[i];
      if (s === 1) continue;
      if (s === 0) return true;
      if (this.strides[i] !== expected) return false;
      expected *= s;
    }
    return true;
  }

  /** Element i in row-major order (any layout). */
  at(i: number): number {
    if (this.shape.length === 0) return this.data[this.offset];
    let off = this.offset;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      const s = this.shape[d];
      off += (i % s) * this.strides[d];
      i = Math.floor(i / s);
    }
    return this.data[off];
  }

  /** Row-major elements as float64 (int64 values are exact up to 2**53). */
  toFlatArray(): Float64Array {
    const n = this.numel();
    const out = new Float64Array(n);
    if (this.isContiguous()) {
      const d = this.data;
      const o = this.offset;
      for (let i = 0; i < n; i++) out[i] = d[o + i];
    } else {
      let k = 0;
      forEachOffset(this.shape, this.strides, this.offset, (off) => {
        out[k++] = this.data[off];
      });
    }
    return out;
  }

  /** The single value; ValueError as PyTorch 1.13 otherwise. */
  item(): number {
    if (this.numel() !== 1) throw valueError('only one element tensors can be converted to Python scalars');
    return this.at(0);
  }

  /** Nested arrays for `tolist()`: numbers, or booleans for bool tensors; 0-d gives a scalar. */
  tolist(): Nested {
    const flat = this.toFlatArray();
    const isBool = this.dtype === bool;
    let k = 0;
    const build = (d: number): Nested => {
      if (d === this.shape.length) {
        const v = flat[k++];
        return isBool ? v !== 0 : v;
      }
      const out: Nested[] = new Array(this.shape[d]);
      for (let i = 0; i < this.shape[d]; i++) out[i] = build(d + 1);
      return out;
    };
    return build(0);
  }
}

/** Calls fn with the storage offset of every element, row-major. */
export function forEachOffset(shape: readonly number[], strides: readonly number[], offset: number, fn: (off: number) => void): void {
  const nd = shape.length;
  const n = numelOf(shape);
  if (n === 0) return;
  if (nd === 0) {
    fn(offset);
    return;
  }
  const idx = new Array<number>(nd).fill(0);
  const last = nd - 1;
  const lastSize = shape[last];
  const lastStride = strides[last];
  let base = offset;
  for (let done = 0; done < n; done += lastSize) {
    for (let j = 0, o = base; j < lastSize; j++, o += lastStride) fn(o);
    // carry into the outer dims
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      base += strides[d];
      if (idx[d] < shape[d]) break;
      base -= idx[d] * strides[d];
      idx[d] = 0;
    }
    if (d < 0) break;
  }
}

/** Build from row-major values (copied; stored with the dtype's rounding). */
export function fromFlat(values: ArrayLike<number>, shape: readonly number[], dtype: DType): Tensor {
  const n = numelOf(shape);
  const data = dtype.alloc(n);
  const conv = storeConverter(dtype);
  if (conv === null) for (let i = 0; i < n; i++) data[i] = values[i];
  else for (let i = 0; i < n; i++) data[i] = conv(values[i]);
  return new Tensor(data, shape.slice(), contiguousStrides(shape), 0, dtype);
}

/** How a double becomes a stored value: ints truncate toward zero, bools are 0/1; null = store as is. */
export function storeConverter(dtype: DType): ((v: number) => number) | null {
  if (dtype === float16) return toHalf;
  if (dtype.isFloating) return null;
  if (dtype === bool) return (v) => (v !== 0 ? 1 : 0);
  return (v) => (Number.isFinite(v) ? Math.trunc(v) : v !== v ? 0 : v > 0 ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER);
}

/** A fresh contiguous tensor of zeros. */
export function empty(shape: readonly number[], dtype: DType): Tensor {
  return new Tensor(dtype.alloc(numelOf(shape)), shape.slice(), contiguousStrides(shape), 0, dtype);
}

/** The elements as a contiguous row-major array (read only!): a subarray of the storage when possible, else a copy. */
export function contiguousData(t: Tensor): Storage {
  const n = t.numel();
  if (t.offset === 0 && t.data.length === n && t.isContiguous()) return t.data;
  if (t.isContiguous()) return t.data.subarray(t.offset, t.offset + n);
  const out = t.dtype.alloc(n);
  {
    let k = 0;
    const d = t.data;
    forEachOffset(t.shape, t.strides, t.offset, (off) => {
      out[k++] = d[off];
    });
  }
  return out;
}
