/** Elementwise arithmetic with broadcasting: one entry per op (forward, grad_fn, formulas). */
import { linearTangent, setTangent, withoutTangent } from '../autograd/forward_ad.js';
import { gradMode, withGradMode } from '../autograd/grad_mode.js';
import { type DType, bool, float32, float64 } from '../tensor/dtype.js';
import { runtimeError } from '../tensor/errors.js';
import { resultType } from '../tensor/promote.js';
import { Tensor, fromFlat } from '../tensor/tensor.js';
import { mapBinary, mapUnary, mapUnaryVec } from './kernels.js';
import { powf as sleefPowf } from '../tensor/f32math.js';
import { powf as libmPowf } from '../tensor/libm_f32.js';
import { backwardFn, defineBinary, defineUnary, needsGrad, record, reduceGradTo } from './registry.js';
import { type Scalar, type TensorOrScalar, asTensor, scalarDtype, scalarValue, wrapScalar } from './scalar.js';
import { PyFloat } from '../python/values.js';
import { toDtype } from './convert.js';
import { where } from './select.js';
import { log, reciprocal } from './unary.js';

export const add = defineBinary({
  gradFn: 'AddBackward0',
  f: (x, y) => x + y,
  dtype: 'promote',
  self: { uses: [], grad: (g) => g },
  other: { uses: [], grad: (g) => g },
  attrs: () => ({ alpha: 1 }),
});

const subtract = defineBinary({
  gradFn: 'SubBackward0',
  f: (x, y) => x - y,
  dtype: 'promote',
  self: { uses: [], grad: (g) => g },
  other: { uses: [], grad: (g) => neg(g) },
  attrs: () => ({ alpha: 1 }),
});
export function sub(a: TensorOrScalar, b: TensorOrScalar): Tensor {
  checkBoolSub(a, b);
  return subtract(a, b);
}

export const mul = defineBinary({
  gradFn: 'MulBackward0',
  f: (x, y) => x * y,
  dtype: 'promote',
  self: { uses: ['other'], grad: (g, _s, o) => mul(g, o!) },
  other: { uses: ['self'], grad: (g, s) => mul(g, s!) },
});

export const div = defineBinary({
  gradFn: 'DivBackward0',
  f: (x, y) => x / y,
  dtype: 'float',
  self: { uses: ['other'], grad: (g, _s, o) => div(g, o!) },
  other: { uses: ['self', 'other'], grad: (g, s, o) => mul(neg(g), div(div(s!, o!), o!)) },
});

interface AlphaCtx {
  alpha: number;
  shapeA: readonly number[];
  dtypeA: DType;
  shapeB: readonly number[];
  dtypeB: DType;
}

/**
 * `torch.add(a, b, alpha=k)` / `torch.sub(a, b, alpha=k)`: one AddBackward0 / SubBackward0
 * over both inputs with alpha saved on the node, as PyTorch records it (not a MulBackward0
 * under the add).
 */
function withAlpha(name: string, op: (a: TensorOrScalar, b: TensorOrScalar) => Tensor, sign: 1 | -1) {
  const fn = backwardFn(
    name,
    (node, [g]) => {
      const c = node.ctx as AlphaCtx;
      return [
        node.next[0] ? reduceGradTo(g!, c.shapeA, c.dtypeA) : null,
        node.next[1] ? reduceGradTo(mulScalar(g!, sign * c.alpha), c.shapeB, c.dtypeB) : null,
      ];
    },
    (node) => ({ alpha: (node.ctx as AlphaCtx).alpha }),
  );
  return (x: TensorOrScalar, y: TensorOrScalar, alpha: Scalar): Tensor => {
    const a = asTensor(x);
    const k = scalarValue(alpha);
    if (alpha instanceof PyFloat && !resultType([a, asTensor(y)].map((t) => ({ dtype: t.dtype, dimCount: t.shape.length, wrapped: t.wrapped }))).isFloating)
      throw runtimeError('For integral input tensors, argument alpha must not be a floating point number.');
    // a Python scalar is scaled as a Python number (float if either is a float)
    const scaled = (): TensorOrScalar =>
      y instanceof Tensor ? mul(y, alpha) : y instanceof PyFloat || alpha instanceof PyFloat ? new PyFloat(scalarValue(y) * k) : scalarValue(y) * k;
    const out = withGradMode(false, () => op(a, scaled()));
    const b = y instanceof Tensor ? y : null;
    if (needsGrad(a) || (b !== null && needsGrad(b))) {
      const ctx: AlphaCtx = { alpha: k, shapeA: a.shape, dtypeA: a.dtype, shapeB: b?.shape ?? [], dtypeB: b?.dtype ?? a.dtype };
      record(out, fn, [a, b], ctx);
    }
    return out;
  };
}
export const addAlpha = withAlpha('AddBackward0', add, 1);
export const subAlpha = withAlpha('SubBackward0', sub, -1);

/** Tensor - tensor with the operands swapped (`torch.rsub(a, b)` = b - a). */
const rsubTensor = defineBinary({
  gradFn: 'RsubBackward0',
  f: (x, y) => y - x,
  dtype: 'promote',
  self: { uses: [], grad: (g) => neg(g) },
  other: { uses: [], grad: (g) => g },
});

/** `s - x` for a Python scalar s (x.__rsub__): RsubBackward1, one input. */
const rsubScalarFn = backwardFn('RsubBackward1', (_n, [g]) => [neg(g!)], () => ({ alpha: 1 }));
export function rsub(x: Tensor, other: TensorOrScalar): Tensor {
  checkBoolSub(x, other);
  if (other instanceof Tensor) return rsubTensor(x, other);
  const s = wrapScalar(other as Scalar);
  const out = sub(s, detachedAlias(x));
  if (needsGrad(x)) record(out, rsubScalarFn, [x]);
  linearTangent(out, x, neg);
  return out;
}

/** `s / x` for a Python scalar s: PyTorch computes reciprocal(x) * s. */
export const rdiv = (x: Tensor, s: Scalar): Tensor => mul(reciprocal(x), s);

/** Tensor * Python scalar from formulas (mul.Scalar): MulBackward1, one input. */
/**
 * mul.Scalar's formula is grad * scalar_to_tensor(s): a 0-d float64 tensor, not a wrapped
 * number, so a 0-d float32 grad computes in float64 and the engine casts it back
 * (ToCopyBackward0 under create_graph), as in PyTorch.
 */
const mulScalarFn = backwardFn('MulBackward1', (n, [g]) => {
  const [s, dtype] = n.ctx as [number, DType];
  return [toDtype(mul(g!, fromFlat([s], [], float64)), dtype)];
});
export function mulScalar(x: Tensor, s: number): Tensor {
  const out = mul(detachedAlias(x), s);
  if (needsGrad(x)) record(out, mulScalarFn, [x], [s, x.dtype]);
  linearTangent(out, x, (t) => mulScalar(t, s));
  return out;
}

/** Tensor + Python scalar from formulas (add.Scalar): AddBackward1, one input. */
const addScalarFn = backwardFn('AddBackward1', (_n, [g]) => [g!]);
export function addScalar(x: Tensor, s: number): Tensor {
  const out = add(detachedAlias(x), s);
  if (needsGrad(x)) record(out, addScalarFn, [x]);
  linearTangent(out, x, (t) => t);
  return out;
}

/** Tensor - Python scalar from formulas (sub.Scalar): SubBackward1, one input. */
const subScalarFn = backwardFn('SubBackward1', (_n, [g]) => [g!]);
function subScalar(x: Tensor, s: number): Tensor {
  const out = sub(detachedAlias(x), s);
  if (needsGrad(x)) record(out, subScalarFn, [x]);
  linearTangent(out, x, (t) => t);
  return out;
}

/** Tensor / Python scalar from formulas (div.Scalar): DivBackward1, one input; grad / scalar_to_tensor(s) as mul.Scalar. */
const divScalarFn = backwardFn('DivBackward1', (n, [g]) => {
  const [s, dtype] = n.ctx as [number, DType];
  return [toDtype(div(g!, fromFlat([s], [], float64)), dtype)];
});
export function divScalar(x: Tensor, s: number): Tensor {
  const out = div(detachedAlias(x), s);
  if (needsGrad(x)) record(out, divScalarFn, [x], [s, x.dtype]);
  linearTangent(out, x, (t) => divScalar(t, s));
  return out;
}

const negative = defineUnary({ gradFn: 'NegBackward0', f: (x) => -x, dtype: 'same', grad: (g) => neg(g) });
export function neg(x: Tensor): Tensor {
  if (x.dtype === bool)
    throw runtimeError('Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  return negative(x);
}

/** PyTorch refuses `-` with bool operands (sub, rsub, sub with alpha). */
function checkBoolSub(a: TensorOrScalar, b: TensorOrScalar): void {
  const isBool = (v: TensorOrScalar) => (v instanceof Tensor ? v.dtype === bool : typeof v === 'boolean');
  if (isBool(a) && isBool(b))
    throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  if (isBool(a) || isBool(b))
    throw runtimeError('Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
}

/** x ** s (PowBackward0), s ** x and x ** y (PowBackward1). */
const powScalarExp = backwardFn('PowBackward0', (n, [g]) => {
  const e = n.ctx as number;
  if (e === 0) return [mulScalar(g!, 0)];
  const x = n.unpack(0);
  // x ** 1 is x exactly: with no graph being built, skip that copy (x ** 2, the usual case)
  const xe = e === 2 && !gradMode.enabled && x.tangent === null ? x : powScalar(x, e - 1);
  return [mul(g!, mulScalar(xe, e))];
}, (n) => ({ exponent: n.ctx as number }));
const powTensorExp = defineBinary({
  gradFn: 'PowBackward1',
  f: powKernel,
  // float32: SLEEF's powf on vector blocks, glibc's powf (std::pow(float, float)) on the rest
  f32: { vec: sleefPowf, scalar: libmPowf },
  dtype: 'promote',
  self: {
    uses: ['self', 'other'],
    grad: (g, s, o) => where(eqScalar(o!, 0), 0, mul(g, mul(o!, pow(s!, subScalar(o!, 1))))),
  },
  other: {
    uses: ['self', 'other', 'result'],
    grad: (g, s, o, r) => mul(g, where(zeroBaseMask(s!, o!), 0, mul(r!, log(s!)))),
  },
});

/** C's pow: 1 ** y, x ** 0 and (-1) ** +-inf are 1 (JS gives NaN for some). */
function powKernel(x: number, y: number): number {
  return x === 1 || y === 0 || (x === -1 && Math.abs(y) === Infinity) ? 1 : Math.pow(x, y);
}

export function pow(x: TensorOrScalar, e: TensorOrScalar): Tensor {
  if (x instanceof Tensor && !(e instanceof Tensor)) return powScalar(x, e);
  return powTensorExp(x, e);
}

function powScalar(x: Tensor, e: Scalar): Tensor {
  const ev = scalarValue(e);
  // a wrapped number never changes a floating tensor's dtype: skip result_type's allocations
  const dtype = x.dtype.isFloating
    ? x.dtype
    : resultType([
        { dtype: x.dtype, dimCount: x.shape.length, wrapped: false },
        { dtype: scalarDtype(e), dimCount: 0, wrapped: true },
      ]);
  if (!dtype.isFloating && ev < 0) throw runtimeError('Integers to negative integer powers are not allowed.');
  const ef = dtype === float32 ? Math.fround(ev) : ev;
  // ATen's special cases, with their intermediate roundings (x**3 is (x*x)*x, ...)
  const r = dtype === float32 ? Math.fround : (v: number) => v;
  let out: Tensor;
  if (ev === 2) out = mapUnary(x, dtype, (v) => v * v);
  else if (ev === 3) out = mapUnary(x, dtype, (v) => r(v * v) * v);
  else if (ev === 0.5) out = mapUnary(x, dtype, Math.sqrt);
  else if (ev === -0.5 && dtype.isFloating) out = mapUnary(x, dtype, (v) => 1 / r(Math.sqrt(v)));
  else if (ev === -1 && dtype.isFloating) out = mapUnary(x, dtype, (v) => 1 / v);
  else if (ev === -2 && dtype.isFloating) out = mapUnary(x, dtype, (v) => 1 / r(v * v));
  else if (dtype === float32 && ev !== 0 && ev !== 1)
    // SLEEF's powf with the exponent as a float on vector blocks; the scalar rest is
    // std::pow(float, double), glibc's double pow rounded
    out = mapUnaryVec(x, float32, (v) => sleefPowf(v, ef), (v) => powKernel(v, ev));
  else out = mapUnary(x, dtype, (v) => powKernel(v, ef));
  if (needsGrad(x)) {
    const node = record(out, powScalarExp, [x], ev);
    node.save(x);
  }
  if (x.tangent !== null) {
    const t = x.tangent;
    setTangent(out, () => (ev === 0 ? mulScalar(t, 0) : mul(t, mulScalar(powScalar(withoutTangent(x), ev - 1), ev))));
  }
  return out;
}

/** The power's gradient w.r.t. the exponent is 0 where base == 0 and exponent >= 0 (as PyTorch masks it). */
const zeroBaseMask = (s: Tensor, e: Tensor): Tensor => mapBinary(s, e, bool, (x, y) => (x === 0 && y >= 0 ? 1 : 0));

const eqScalar = (t: Tensor, v: number): Tensor => mapUnary(t, bool, (x) => (x === v ? 1 : 0));

/** The same data without autograd history, so a composite op records only its own node. */
const detachedAlias = (x: Tensor): Tensor => new Tensor(x.data, x.shape, x.strides, x.offset, x.dtype, x.version);

function floorDivKernel(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let d = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) d -= 1;
  const fd = Math.floor(d);
  return d - fd > 0.5 ? fd + 1 : fd;
}

const checkIntZero = (_a: Tensor, b: Tensor, dtype: { isFloating: boolean }) => {
  if (dtype.isFloating) return;
  const n = b.numel();
  for (let i = 0; i < n; i++) if (b.at(i) === 0) throw runtimeError('ZeroDivisionError');
};

const noFloorDivideDerivative = {
  uses: [],
  grad: (): Tensor => {
    throw runtimeError('derivative for aten::floor_divide is not implemented');
  },
} as const;
/** `//`: floor rounding as PyTorch 1.13; its node is the placeholder `NotImplemented`, whose backward fails. */
export const floorDivide = defineBinary({
  gradFn: 'NotImplemented',
  f: floorDivKernel,
  dtype: 'promote',
  check: checkIntZero,
  self: noFloorDivideDerivative,
  other: noFloorDivideDerivative,
});

/**
 * `torch.div(a, b, rounding_mode=...)` (div.Tensor_mode): DivBackward2. Without rounding it
 * is true division; 'trunc' and 'floor' keep an integer dtype, and their gradient is zero.
 */
const divTrue = defineBinary({
  gradFn: 'DivBackward2',
  f: (x, y) => x / y,
  dtype: 'float',
  self: { uses: ['other'], grad: (g, _s, o) => div(g, o!) },
  other: { uses: ['self', 'other'], grad: (g, s, o) => mul(neg(g), div(div(s!, o!), o!)) },
});
const zeroGrad = { uses: [], grad: (g: Tensor) => mulScalar(g, 0) } as const;
const divTrunc = defineBinary({ gradFn: 'DivBackward2', f: (x, y) => Math.trunc(x / y), dtype: 'promote', check: checkIntZero, self: zeroGrad, other: zeroGrad });
const divFloor = defineBinary({ gradFn: 'DivBackward2', f: floorDivKernel, dtype: 'promote', check: checkIntZero, self: zeroGrad, other: zeroGrad });
export function divRounding(a: TensorOrScalar, b: TensorOrScalar, mode: string | null): Tensor {
  if (mode === null) return divTrue(a, b);
  if (mode === 'trunc') return divTrunc(a, b);
  if (mode === 'floor') return divFloor(a, b);
  throw runtimeError(`div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '${mode}'`);
}

/** `%`: Python's sign convention (result has the divisor's sign). */
const remainderTensor = defineBinary({
  gradFn: 'RemainderBackward0',
  f: (a, b) => {
    const m = a % b;
    return m !== 0 && b < 0 !== m < 0 ? m + b : m;
  },
  dtype: 'promote',
  check: checkIntZero,
  self: { uses: [], grad: (g) => g },
  other: { uses: ['self', 'other'], grad: (g, s, o) => mul(neg(g), divRounding(s!, o!, 'floor')) },
});

/** remainder.Scalar has a single input in PyTorch's graph. */
const remainderScalarFn = backwardFn('RemainderBackward0', (_n, [g]) => [g!]);
export function remainder(a: TensorOrScalar, b: TensorOrScalar): Tensor {
  if (!(a instanceof Tensor) || b instanceof Tensor) return remainderTensor(a, b);
  const out = remainderTensor(detachedAlias(a), b);
  if (needsGrad(a)) record(out, remainderScalarFn, [a]);
  linearTangent(out, a, (t) => t);
  return out;
}

/** torch.fmod: C's remainder (the result has the dividend's sign). */
const fmodTensor = defineBinary({
  gradFn: 'FmodBackward1',
  f: (a, b) => a % b,
  dtype: 'promote',
  check: checkIntZero,
  self: { uses: [], grad: (g) => g },
  other: { uses: ['self', 'other'], grad: (g, s, o) => mul(neg(g), divRounding(s!, o!, 'trunc')) },
});

/** fmod.Scalar has a single input in PyTorch's graph. */
const fmodScalarFn = backwardFn('FmodBackward0', (_n, [g]) => [g!]);
export function fmod(a: Tensor, b: TensorOrScalar): Tensor {
  if (b instanceof Tensor) return fmodTensor(a, b);
  const out = fmodTensor(detachedAlias(a), b);
  if (needsGrad(a)) record(out, fmodScalarFn, [a]);
  linearTangent(out, a, (t) => t);
  return out;
}
