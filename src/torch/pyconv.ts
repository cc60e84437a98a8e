/** Conversions between the interpreter's Python values and the engine's numbers, shapes and dtypes. */
import { type DType, bool } from '../tensor/dtype.js';
import { typeError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { Scalar } from '../ops/scalar.js';
import { PyFloat, PyList, PyTuple, type PyValue, pyTypeName } from '../python/values.js';
import { DTypeObject } from './dtype_object.js';
import { TorchSize } from './size.js';

export const isPyScalar = (v: PyValue): v is Scalar =>
  typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v instanceof PyFloat;

/** A tensor element as the Python value `item()` gives: float, int or bool. */
export function pyScalarOf(value: number, dtype: DType): PyValue {
  if (dtype.isFloating) return new PyFloat(value);
  if (dtype === bool) return value !== 0;
  // a Python int is a JS number only while exact; beyond 2**53 it is a bigint
  return Number.isSafeInteger(value) || !Number.isFinite(value) ? value : BigInt(value);
}

export function tensorItem(t: Tensor): PyValue {
  return pyScalarOf(t.item(), t.dtype);
}

/** `t.tolist()`: nested Python lists of Python scalars (a bare scalar for 0-d). */
export function tensorToList(t: Tensor): PyValue {
  const flat = t.toFlatArray();
  if (t.shape.length === 0) return pyScalarOf(flat[0], t.dtype);
  let k = 0;
  const build = (d: number): PyValue => {
    const n = t.shape[d];
    const items: PyValue[] = new Array(n);
    for (let i = 0; i < n; i++) items[i] = d === t.shape.length - 1 ? pyScalarOf(flat[k++], t.dtype) : build(d + 1);
    return new PyList(items);
  };
  return build(0);
}

/** A Python int (or 0-d integer tensor) as a JS number. */
export function toInt(v: PyValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Tensor) return v.item();
  throw typeError(`expected int, got ${pyTypeName(v)}`);
}

export function toFloat(v: PyValue): number {
  if (v instanceof PyFloat) return v.v;
  return toInt(v);
}

/** A bound Scalar argument (a 0-d tensor is accepted where PyTorch accepts it). */
export function toScalar(v: PyValue): Scalar {
  if (v instanceof Tensor) return pyScalarOf(v.item(), v.dtype) as Scalar;
  return v as Scalar;
}

/** An IntList argument: a tuple/list/torch.Size of ints, or a single int (int[1]). */
export function toShape(v: PyValue): number[] {
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map(toInt);
  if (v instanceof TorchSize) return v.dims.slice();
  return [toInt(v)];
}

/** An optional dim list (int[1]? dim): null, one int, or several. */
export function toDims(v: PyValue): number | number[] | null {
  if (v === null || v === undefined) return null;
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map(toInt);
  return toInt(v);
}

export const toDtype = (v: PyValue): DType | undefined => (v instanceof DTypeObject ? v.dtype : undefined);

export const toTensorList = (v: PyValue): Tensor[] => ((v as PyList | PyTuple).items as Tensor[]).slice();
