/** Creation functions (no autograd history; requires_grad is set by the caller). */
import { type DType, bool, defaultFloat, float32, float64, int64 } from '../tensor/dtype.js';
import { runtimeError, typeError, valueError } from '../tensor/errors.js';
import { PyFloat, PyList, PyTuple } from '../python/values.js';
import { Tensor, empty, fromFlat, storeConverter } from '../tensor/tensor.js';
import { type Scalar, scalarDtype, scalarValue } from './scalar.js';

export { empty, fromFlat };

export function full(shape: readonly number[], value: number, dtype: DType): Tensor {
  const t = empty(shape, dtype);
  const conv = storeConverter(dtype);
  const v = conv === null ? value : conv(value);
  if (v !== 0) t.data.fill(v);
  return t;
}
export const zeros = (shape: readonly number[], dtype: DType = defaultFloat): Tensor => empty(shape, dtype);
export const ones = (shape: readonly number[], dtype: DType = defaultFloat): Tensor => full(shape, 1, dtype);
export const zerosLike = (t: Tensor, dtype: DType = t.dtype): Tensor => empty(t.shape, dtype);
export const onesLike = (t: Tensor, dtype: DType = t.dtype): Tensor => full(t.shape, 1, dtype);
export const fullLike = (t: Tensor, value: number, dtype: DType = t.dtype): Tensor => full(t.shape, value, dtype);

/** torch.full's dtype when none is given: the fill value's (float -> default float). */
export const fillDtype = (value: Scalar): DType => {
  const d = scalarDtype(value);
  return d === float64 ? defaultFloat : d;
};

/** A 0-d tensor holding a Python scalar with its natural dtype (torch.tensor(2.5)). */
export function scalarTensor(value: Scalar, dtype: DType = fillDtype(value)): Tensor {
  return fromFlat([scalarValue(value)], [], dtype);
}

/**
 * a * b + c with one rounding (error-free product and sum; exact whenever the result is
 * not a rounding tie, which is all this module needs).
 */
function fma(a: number, b: number, c: number): number {
  const p = a * b;
  // Veltkamp split for the product's rounding error
  const SPLIT = 134217729;
  const as = SPLIT * a;
  const ah = as - (as - a);
  const al = a - ah;
  const bs = SPLIT * b;
  const bh = bs - (bs - b);
  const bl = b - bh;
  const pe = al * bl - (((p - ah * bh) - al * bh) - ah * bl);
  const sum = p + c;
  const bb = sum - p;
  const se = p - (sum - bb) + (c - bb);
  return sum + (se + pe);
}

/** torch.arange(start, end, step): int64 when all are ints, else the default float; bit-exact with ATen. */
export function arange(start: Scalar, end: Scalar, step: Scalar = 1, dtype?: DType): Tensor {
  const s = scalarValue(start);
  const e = scalarValue(end);
  const st = scalarValue(step);
  if (st === 0) throw runtimeError('step must be nonzero');
  if ((st > 0 && e < s) || (st < 0 && e > s)) throw runtimeError('upper bound and larger bound inconsistent with step sign');
  const allInt = [start, end, step].every((v) => scalarDtype(v) === int64);
  const dt = dtype ?? (allInt ? int64 : defaultFloat);
  const n = Math.ceil((e - s) / st);
  const vals = new Float64Array(n);
  // ATen's kernel (accumulating in double): while two AVX2 vectors fit, each vector is
  // Vectorized::arange(base = start + step * i as the dtype, step); the tail one by one
  // (GCC contracts `start + step * i` into one fused multiply-add)
  const round = dt === float32 ? Math.fround : (v: number) => v;
  const vec = dt === float32 ? 8 : 4;
  let i = 0;
  if (dt.isFloating) {
    for (; i + 2 * vec <= n; i += 2 * vec) {
      for (let v = i; v < i + 2 * vec; v += vec) {
        const base = round(fma(st, v, s));
        for (let j = 0; j < vec; j++) vals[v + j] = fma(st, j, base);
      }
    }
  }
  for (; i < n; i++) vals[i] = fma(st, i, s);
  return fromFlat(vals, [n], dt);
}

/**
 * torch.linspace, bit-exact with ATen's CPU kernel: values come from the start for the
 * first half and from the end for the second (one fused multiply-add each); while two
 * AVX2 vectors (2 x 8 float32 / 2 x 4 float64) still fit, a vector is filled as
 * `base + j * step` from its first index; the tail goes element by element.
 */
export function linspace(start: number, end: number, steps: number, dtype: DType = defaultFloat): Tensor {
  if (steps < 0) throw runtimeError('number of steps must be non-negative');
  const vals = new Float64Array(steps);
  const round = dtype === float32 ? Math.fround : (v: number) => v;
  const s = round(start);
  const e = round(end);
  if (steps === 1) vals[0] = s;
  if (steps > 1) {
    const step = round(round(e - s) / (steps - 1));
    const half = Math.floor(steps / 2);
    const at = (i: number) => (i < half ? round(s + step * i) : round(e - step * (steps - i - 1)));
    const vec = dtype === float32 ? 8 : 4;
    let i = 0;
    for (; i + 2 * vec <= steps; i += 2 * vec) {
      for (let v = i; v < i + 2 * vec; v += vec) {
        // Vectorized::arange(base, step): base + round(j * step)
        const base = at(v);
        for (let j = 0; j < vec; j++) vals[v + j] = round(base + round(step * j));
      }
    }
    for (; i < steps; i++) vals[i] = at(i);
  }
  return fromFlat(vals, [steps], dtype);
}

export function eye(n: number, m: number = n, dtype: DType = defaultFloat): Tensor {
  const t = empty([n, m], dtype);
  for (let i = 0; i < Math.min(n, m); i++) t.data[i * m + i] = 1;
  return t;
}

/**
 * torch.tensor(data) from the interpreter's values: nested PyList/PyTuple (or JS arrays)
 * of int/float/bool and one-element tensors. The dtype is inferred as PyTorch does
 * (any float -> default float, else any int -> int64, else bool) unless given.
 */
export function tensorFromData(data: unknown, dtype?: DType): Tensor {
  const shape: number[] = [];
  const flat: number[] = [];
  let kind = 0; // 0 bool, 1 int, 2 float
  let sawScalar = false;
  const visit = (v: unknown, depth: number): void => {
    const items = v instanceof PyList || v instanceof PyTuple ? v.items : Array.isArray(v) ? v : null;
    if (items !== null) {
      if (sawScalar && depth >= shape.length) throw typeError('not a sequence');
      if (depth === shape.length) shape.push(items.length);
      else if (shape[depth] !== items.length) {
        throw valueErrorSeq(depth, shape[depth], items.length);
      }
      for (const it of items) visit(it, depth + 1);
      return;
    }
    if (depth !== shape.length) throw typeError('not a sequence');
    if (v === null && depth === 0) throw runtimeError('Could not infer dtype of NoneType');
    sawScalar = true;
    if (typeof v === 'boolean') flat.push(v ? 1 : 0);
    else if (typeof v === 'number' || typeof v === 'bigint') {
      flat.push(Number(v));
      kind = Math.max(kind, 1);
    } else if (v instanceof PyFloat) {
      flat.push(v.v);
      kind = 2;
    } else if (v instanceof Tensor) {
      if (v.numel() !== 1) throw valueErrorTensorElem();
      flat.push(v.item());
      kind = Math.max(kind, v.dtype.isFloating ? 2 : v.dtype === bool ? 0 : 1);
    } else throw typeError(`new(): invalid data type '${typeName(v)}'`);
  };
  visit(data, 0);
  const dt = dtype ?? (kind === 2 ? defaultFloat : kind === 1 ? int64 : flat.length === 0 && shape.length > 0 ? defaultFloat : bool);
  return fromFlat(flat, shape, dt);
}

const valueErrorSeq = (dim: number, expected: number, got: number) =>
  valueError(`expected sequence of length ${expected} at dim ${dim} (got ${got})`);
const valueErrorTensorElem = () => valueError('only one element tensors can be converted to Python scalars');
function typeName(v: unknown): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'string') return 'str';
  return typeof v;
}
