/** Comparisons (bool results, no grad), where, clamp, maximum/minimum, masked_fill. */
import { type DType, bool } from '../tensor/dtype.js';
import { setTangent } from '../autograd/forward_ad.js';
import { runtimeError } from '../tensor/errors.js';
import { resultType } from '../tensor/promote.js';
import { wrapDim } from '../tensor/shape.js';
import { Tensor, storeConverter } from '../tensor/tensor.js';
import { divScalar, mul } from './arith.js';
import { castData, mapBinary, mapTernary, mapUnary, reduceBlocks } from './kernels.js';
import { backwardFn, defineBinary, needsGrad, needsGrad2, record, reduceGrad } from './registry.js';
import { type Scalar, type TensorOrScalar, asTensor, scalarValue, wrapScalar } from './scalar.js';

export const eq = defineBinary({ gradFn: '', f: (x, y) => (x === y ? 1 : 0), dtype: 'bool' });
export const ne = defineBinary({ gradFn: '', f: (x, y) => (x !== y ? 1 : 0), dtype: 'bool' });
export const lt = defineBinary({ gradFn: '', f: (x, y) => (x < y ? 1 : 0), dtype: 'bool' });
export const le = defineBinary({ gradFn: '', f: (x, y) => (x <= y ? 1 : 0), dtype: 'bool' });
export const gt = defineBinary({ gradFn: '', f: (x, y) => (x > y ? 1 : 0), dtype: 'bool' });
export const ge = defineBinary({ gradFn: '', f: (x, y) => (x >= y ? 1 : 0), dtype: 'bool' });
export const logicalAnd = defineBinary({ gradFn: '', f: (x, y) => (x && y ? 1 : 0), dtype: 'bool' });
export const logicalOr = defineBinary({ gradFn: '', f: (x, y) => (x || y ? 1 : 0), dtype: 'bool' });
export const logicalXor = defineBinary({ gradFn: '', f: (x, y) => (!x !== !y ? 1 : 0), dtype: 'bool' });
export const logicalNot = (x: Tensor): Tensor => mapUnary(x, bool, (v) => (v ? 0 : 1));
export const gtScalar = (x: Tensor, v: number): Tensor => mapUnary(x, bool, (e) => (e > v ? 1 : 0));

function commonDtype(a: Tensor, b: Tensor): DType {
  return resultType([
    { dtype: a.dtype, dimCount: a.shape.length, wrapped: a.wrapped },
    { dtype: b.dtype, dimCount: b.shape.length, wrapped: b.wrapped },
  ]);
}

const whereFn = backwardFn('WhereBackward0', (n, [g]) => {
  const [a, b] = n.ctx as [Tensor, Tensor];
  const cond = n.unpack(0);
  return [
    n.next[0] ? reduceGrad(where(cond, g!, 0), a) : null,
    n.next[1] ? reduceGrad(where(cond, 0, g!), b) : null,
  ];
});

/** torch.where(cond, a, b): WhereBackward0 over (a, b). */
export function where(cond: Tensor, x: TensorOrScalar, y: TensorOrScalar): Tensor {
  if (cond.dtype !== bool && cond.dtype.name !== 'uint8') {
    throw runtimeError(`where expected condition to be a boolean tensor, but got a tensor with dtype ${cond.dtype.scalarName}`);
  }
  const a = asTensor(x);
  const b = asTensor(y);
  const dtype = commonDtype(a, b);
  const ca = a.dtype === dtype ? a : castData(a, dtype);
  const cb = b.dtype === dtype ? b : castData(b, dtype);
  const out = mapTernary(cond, ca, cb, dtype, (c, p, q) => (c ? p : q));
  if (needsGrad2(a, b)) record(out, whereFn, [a, b], [a, b]).save(cond, -1, 'condition');
  if (a.tangent !== null || b.tangent !== null) setTangent(out, () => where(cond, a.tangent ?? 0, b.tangent ?? 0));
  return out;
}

const clampFn = backwardFn('ClampBackward1', (n, [g]) => {
  const [lo, hi] = n.ctx as [number, number];
  const x = n.unpack(0);
  return [where(mapUnary(x, bool, (v) => (v >= lo && v <= hi ? 1 : 0)), g!, 0)];
}, (n) => {
  const [lo, hi] = n.ctx as [number, number];
  // PyTorch keeps only the bounds that were given; an absent one is stored as +-inf here
  return { ...(Number.isFinite(hi) ? { max: { float: hi } } : {}), ...(Number.isFinite(lo) ? { min: { float: lo } } : {}) };
});

/** clamp with Python-scalar bounds (inclusive: gradient 1 at a bound), ClampBackward1. */
export function clamp(x: Tensor, min: Scalar | null, max: Scalar | null): Tensor {
  if (min === null && max === null) throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  let dtype = x.dtype;
  for (const s of [min, max]) {
    if (s !== null) dtype = resultType([{ dtype, dimCount: x.shape.length || 1, wrapped: false }, { dtype: wrapScalar(s).dtype, dimCount: 0, wrapped: true }]);
  }
  const round = dtype.name === 'float32' ? Math.fround : (v: number) => v;
  const lo = min === null ? -Infinity : round(scalarValue(min));
  const hi = max === null ? Infinity : round(scalarValue(max));
  const out = mapUnary(x, dtype, (v) => (v !== v ? v : v < lo ? lo : v > hi ? hi : v));
  if (needsGrad(x)) record(out, clampFn, [x], [lo, hi]).save(x);
  if (x.tangent !== null) setTangent(out, () => mul(x.tangent!, mapUnary(x, bool, (v) => (v >= lo && v <= hi ? 1 : 0))));
  return out;
}

/** PyTorch's formula: at::where(self == other, grad / 2, grad).masked_fill_(<other input picked>, 0). */
function minMaxGrad(name: string, keepSelf: (a: number, b: number) => boolean) {
  return backwardFn(name, (n, [g]) => {
    const a = n.unpack(0);
    const b = n.unpack(1);
    const tie = mapBinary(a, b, bool, (x, y) => (x === y ? 1 : 0));
    const base = () => where(tie, divScalar(g!, 2), g!);
    return [
      n.next[0] ? reduceGrad(maskedFill(base(), mapBinary(a, b, bool, (x, y) => (keepSelf(y, x) ? 1 : 0)), 0), a) : null,
      n.next[1] ? reduceGrad(maskedFill(base(), mapBinary(a, b, bool, (x, y) => (keepSelf(x, y) ? 1 : 0)), 0), b) : null,
    ];
  });
}
const maximumFn = minMaxGrad('MaximumBackward0', (x, y) => x > y);
const minimumFn = minMaxGrad('MinimumBackward0', (x, y) => x < y);

function minMax(fn: typeof maximumFn, pick: (x: number, y: number) => number) {
  return (x: Tensor, y: Tensor): Tensor => {
    const dtype = commonDtype(x, y);
    const out = mapBinary(x.dtype === dtype ? x : castData(x, dtype), y.dtype === dtype ? y : castData(y, dtype), dtype, (p, q) =>
      p !== p || q !== q ? NaN : pick(p, q),
    );
    if (needsGrad2(x, y)) {
      const node = record(out, fn, [x, y]);
      node.save(x);
      node.save(y);
    }
    // jvp: the tangent of whichever input was picked (the other one at ties, as PyTorch)
    if (x.tangent !== null || y.tangent !== null) {
      setTangent(out, () => where(mapBinary(x, y, bool, (p, q) => (pick(p, q) === p && p !== q ? 1 : 0)), x.tangent ?? 0, y.tangent ?? 0));
    }
    return out;
  };
}
export const maximum = minMax(maximumFn, Math.max);
export const minimum = minMax(minimumFn, Math.min);

const maskedFillFn = backwardFn('MaskedFillBackward0', (n, [g]) => [maskedFill(g!, n.unpack(0), 0)]);

/** x.masked_fill(mask, value) with a scalar value: MaskedFillBackward0. */
export function maskedFill(x: Tensor, mask: Tensor, value: Scalar): Tensor {
  // PyTorch 1.13 still accepts non-bool masks (nonzero = fill)
  const conv = storeConverter(x.dtype);
  const v = conv === null ? scalarValue(value) : conv(scalarValue(value));
  const out = mapBinary(x, mask, x.dtype, (e, m) => (m ? v : e));
  if (out.shape.length !== x.shape.length) throw runtimeError('masked_fill: mask must be broadcastable to self');
  if (needsGrad(x)) record(out, maskedFillFn, [x]).save(mask, -1, 'mask');
  return out;
}

export const isnan = (x: Tensor): Tensor => mapUnary(x, bool, (v) => (v !== v ? 1 : 0));
export const isinf = (x: Tensor): Tensor => mapUnary(x, bool, (v) => (v === Infinity || v === -Infinity ? 1 : 0));
export const isfinite = (x: Tensor): Tensor => mapUnary(x, bool, (v) => (Number.isFinite(v) ? 1 : 0));

/** torch.isclose: |a - b| <= atol + rtol * |b| (in the promoted dtype), nan equal only with equalNan. */
export function isclose(a: Tensor, b: TensorOrScalar, rtol = 1e-5, atol = 1e-8, equalNan = false): Tensor {
  const bt = asTensor(b);
  const dtype = commonDtype(a, bt);
  const ca = a.dtype === dtype ? a : castData(a, dtype);
  const cb = bt.dtype === dtype ? bt : castData(bt, dtype);
  return mapBinary(ca, cb, bool, (x, y) => {
    if (x !== x || y !== y) return equalNan && x !== x && y !== y ? 1 : 0;
    if (x === y) return 1;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return 0;
    return Math.abs(x - y) <= atol + rtol * Math.abs(y) ? 1 : 0;
  });
}

/** torch.allclose -> a Python bool. */
export function allclose(a: Tensor, b: TensorOrScalar, rtol = 1e-5, atol = 1e-8, equalNan = false): boolean {
  const c = isclose(a, b, rtol, atol, equalNan);
  return c.toFlatArray().every((v) => v !== 0);
}

/** torch.equal: same shape and same values -> a Python bool. */
export function equal(a: Tensor, b: Tensor): boolean {
  if (a.shape.length !== b.shape.length || a.shape.some((s, i) => s !== b.shape[i])) return false;
  const x = a.toFlatArray();
  const y = b.toFlatArray();
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** t.any() / t.all() (optionally along a dim): bool results. */
export function any(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  return boolReduce(x, dim, keepdim, (d, s, c) => {
    for (let i = s; i < s + c; i++) if (d[i]) return 1;
    return 0;
  });
}
export function all(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  return boolReduce(x, dim, keepdim, (d, s, c) => {
    for (let i = s; i < s + c; i++) if (!d[i]) return 0;
    return 1;
  });
}
function boolReduce(x: Tensor, dim: number | null | undefined, keepdim: boolean, fn: (d: ArrayLike<number>, s: number, c: number) => number): Tensor {
  const dims = dim === null || dim === undefined ? x.shape.map((_, i) => i) : [wrapDim(dim, x.shape.length)];
  return reduceBlocks(x, x.shape.length === 0 ? [] : dims, dim === null || dim === undefined ? false : keepdim, bool, fn);
}
