/**
 * Python scalars as operands. The engine takes the interpreter's own representation
 * (src/python/values.ts): a JS number is a Python int, PyFloat a float, boolean a bool.
 * Engine-internal code may pass a non-integral JS number: it counts as a float.
 */
import { PyFloat } from '../python/values.js';
import { type DType, bool, float64, int64 } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';

export type Scalar = number | boolean | PyFloat | bigint;
export type TensorOrScalar = Tensor | Scalar;

export function scalarValue(s: Scalar): number {
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (typeof s === 'bigint') return Number(s);
  return s.v;
}

export function scalarDtype(s: Scalar): DType {
  if (typeof s === 'boolean') return bool;
  if (s instanceof PyFloat) return float64;
  if (typeof s === 'bigint') return int64;
  return Number.isInteger(s) ? int64 : float64;
}

/**
 * Wrapped numbers are never written to, so one per Python float object (a literal in a
 * loop body is the same object each time) is reused: less garbage and less memory kept
 * by graphs that save it (`x * 0.5`).
 */
const wrappedFloats = new WeakMap<PyFloat, Tensor>();

/** A Python scalar as PyTorch's "wrapped number" 0-d tensor. */
export function wrapScalar(s: Scalar): Tensor {
  if (s instanceof PyFloat) {
    let t = wrappedFloats.get(s);
    if (t === undefined) {
      t = makeWrapped(s);
      wrappedFloats.set(s, t);
    }
    return t;
  }
  return makeWrapped(s);
}

function makeWrapped(s: Scalar): Tensor {
  const dtype = scalarDtype(s);
  const data = dtype.alloc(1);
  data[0] = scalarValue(s);
  const t = new Tensor(data, [], [], 0, dtype);
  t.wrapped = true;
  return t;
}

export const asTensor = (v: TensorOrScalar): Tensor => (v instanceof Tensor ? v : wrapScalar(v));
