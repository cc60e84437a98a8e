/**
 * Element-wise math of PyTorch 1.13's long tail (atan2, hypot, logaddexp, xlogy, lerp,
 * fmax/fmin, sinc, logit, hardshrink, ...) with derivatives.yaml's formulas. Where ATen
 * rounds intermediate steps to float32, the float32 kernel does the same.
 */
import { type DType, bool, float32, float64 } from '../tensor/dtype.js';
import { runtimeError } from '../tensor/errors.js';
import { logf, log1pf, expf } from '../tensor/f32math.js';
import { toFloating } from '../tensor/promote.js';
import { Tensor } from '../tensor/tensor.js';
import { add, div, mul, mulScalar, neg, pow, rsub, sub } from './arith.js';
import { toDtype } from './convert.js';
import { mapBinary, mapTernary, mapUnary } from './kernels.js';
import { type BinaryDef, backwardFn, binaryResultType, defineBinary, defineUnary, needsGradAny, record, reduceGrad } from './registry.js';
import { type Scalar, type TensorOrScalar, asTensor, scalarValue } from './scalar.js';
import { maskedFill, where } from './select.js';
import { exp } from './unary.js';

const f = Math.fround;

/**
 * A binary op whose float32 kernel differs from rounding the float64 one: pick by the result
 * dtype. `kernel` names ATen's CPU kernel for ops that have no integer version.
 */
function byPrecision(def: Omit<BinaryDef, 'f'>, f32: BinaryDef['f'], f64: BinaryDef['f'], kernel?: string) {
  const single = defineBinary({ ...def, f: f32 });
  const double = defineBinary({ ...def, f: f64 });
  return (a: TensorOrScalar, b: TensorOrScalar): Tensor => {
    const common = binaryResultType(asTensor(a), asTensor(b));
    if (kernel !== undefined) floatOnly(kernel, common);
    return toFloating(common) === float32 ? single(a, b) : double(a, b);
  };
}

function floatOnly(kernel: string, dtype: DType): void {
  if (!dtype.isFloating) throw runtimeError(`"${kernel}" not implemented for '${dtype.scalarName}'`);
}

const sq = (t: Tensor) => mul(t, t);

export const atan2 = defineBinary({
  gradFn: 'Atan2Backward0',
  f: Math.atan2,
  dtype: 'float',
  self: { uses: ['self', 'other'], grad: (g, s, o) => div(mul(g, o!), add(sq(s!), sq(o!))) },
  other: { uses: ['self', 'other'], grad: (g, s, o) => div(mul(g, neg(s!)), add(sq(s!), sq(o!))) },
});

const hypotK = defineBinary({
  gradFn: 'HypotBackward0',
  f: Math.hypot,
  dtype: 'promote',
  self: { uses: ['self', 'result'], grad: (g, s, _o, r) => mul(g, div(s!, r!)) },
  other: { uses: ['other', 'result'], grad: (g, _s, o, r) => mul(g, div(o!, r!)) },
});
export function hypot(a: Tensor, b: Tensor): Tensor {
  floatOnly('hypot_cpu', binaryResultType(a, b));
  return hypotK(a, b);
}

// ATen: max + log1p(exp(-|a - b|)), each step in the tensor's precision; equal infinities stay
const logaddexpK = (log1p: (x: number) => number, e: (x: number) => number, r: (x: number) => number) => (a: number, b: number) => {
  if ((a === Infinity || a === -Infinity) && a === b) return a;
  const m = Math.max(a, b);
  return m + log1p(e(-Math.abs(r(a - b))));
};
export const logaddexp = byPrecision(
  {
    gradFn: 'LogaddexpBackward0',
    dtype: 'float',
    self: { uses: ['self', 'other'], grad: (g, s, o) => div(g, add(exp(sub(o!, s!)), 1)) },
    other: { uses: ['self', 'other'], grad: (g, s, o) => div(g, add(exp(sub(s!, o!)), 1)) },
  },
  logaddexpK((x) => f(log1pf(x)), (x) => f(expf(x)), f),
  logaddexpK(Math.log1p, Math.exp, (x) => x),
  'logaddexp_cpu',
);

const INV_LN2 = 1 / Math.LN2;
export const logaddexp2 = byPrecision(
  {
    gradFn: 'Logaddexp2Backward0',
    dtype: 'float',
    self: { uses: ['self', 'other'], grad: (g, s, o) => div(g, add(pow(2, sub(o!, s!)), 1)) },
    other: { uses: ['self', 'other'], grad: (g, s, o) => div(g, add(pow(2, sub(s!, o!)), 1)) },
  },
  (a, b) => {
    if ((a === Infinity || a === -Infinity) && a === b) return a;
    return Math.max(a, b) + f(f(Math.log1p(f(2 ** -Math.abs(f(a - b))))) * f(INV_LN2));
  },
  (a, b) => {
    if ((a === Infinity || a === -Infinity) && a === b) return a;
    return Math.max(a, b) + Math.log1p(2 ** -Math.abs(a - b)) * INV_LN2;
  },
  'logaddexp2_cpu',
);

// xlogy: 0 where x == 0 (unless y is NaN), else x * log(y)
const xlogyK = (log: (y: number) => number, r: (v: number) => number) => (x: number, y: number) => (y !== y ? NaN : x === 0 ? 0 : r(x * log(y)));
const xlogyF32 = xlogyK((y) => f(logf(y)), f);
const xlogyF64 = xlogyK(Math.log, (v) => v);
const nonzero = (t: Tensor) => mapUnary(t, bool, (v) => (v !== 0 ? 1 : 0));
const xlogySelf = { uses: ['self', 'other'] as const, grad: (g: Tensor, s: Tensor | null, o: Tensor | null) => mul(g, xlogyTT(nonzero(s!), o!)) };
const xlogyOther = { uses: ['self', 'other'] as const, grad: (g: Tensor, s: Tensor | null, o: Tensor | null) => div(mul(g, s!), o!) };
const xlogyTT = byPrecision({ gradFn: 'XlogyBackward0', dtype: 'float', self: xlogySelf, other: xlogyOther }, xlogyF32, xlogyF64);
const xlogyST = byPrecision({ gradFn: 'XlogyBackward1', dtype: 'float', other: xlogyOther }, xlogyF32, xlogyF64);
const xlogyTS = byPrecision({ gradFn: 'XlogyBackward2', dtype: 'float', self: xlogySelf }, xlogyF32, xlogyF64);

/** torch.xlogy: the Tensor/Scalar overloads record differently named nodes, as PyTorch's. */
export function xlogy(x: TensorOrScalar, y: TensorOrScalar): Tensor {
  if (!(x instanceof Tensor)) return xlogyST(x, y);
  if (!(y instanceof Tensor)) return xlogyTS(x, y);
  return xlogyTT(x, y);
}

function fminmax(name: string, keep: (a: number, b: number) => boolean) {
  // the one that is not NaN wins; ties and both-NaN go to self
  const pick = (a: number, b: number) => (b !== b || (a === a && keep(a, b)) ? a : b);
  const selfWins = (s: Tensor, o: Tensor) => mapBinary(s, o, bool, (a, b) => (keep(a, b) || a === b || b !== b ? 1 : 0));
  return defineBinary({
    gradFn: name,
    f: pick,
    dtype: 'promote',
    self: { uses: ['self', 'other'], grad: (g, s, o) => maskedFill(g, mapUnary(selfWins(s!, o!), bool, (v) => 1 - v), 0) },
    other: { uses: ['self', 'other'], grad: (g, s, o) => maskedFill(g, selfWins(s!, o!), 0) },
  });
}
export const fmax = fminmax('FmaxBackward0', (a, b) => a > b);
export const fmin = fminmax('FminBackward0', (a, b) => a < b);

const lerpK = (r: (v: number) => number) => (s: number, e: number, w: number) =>
  Math.abs(w) < 0.5 ? r(s + r(w * r(e - s))) : r(e - r(r(e - s) * r(1 - w)));

const lerpScalarFn = backwardFn('LerpBackward0', (n, [g]) => {
  const w = n.ctx as number;
  return [n.next[0] ? mulScalar(g!, 1 - w) : null, n.next[1] ? reduceGrad(mulScalar(g!, w), n.unpack(0)) : null];
});
const lerpTensorFn = backwardFn('LerpBackward1', (n, [g]) => {
  const [s, e, w] = [n.unpack(0), n.unpack(1), n.unpack(2)];
  return [
    n.next[0] ? reduceGrad(mul(g!, rsub(w, 1)), s) : null,
    n.next[1] ? reduceGrad(mul(g!, w), e) : null,
    n.next[2] ? reduceGrad(mul(g!, sub(e, s)), w) : null,
  ];
});

/** lerp(end, weight): ATen's two-sided formula (exact at both ends); LerpBackward0 / 1. */
export function lerp(start: Tensor, end: Tensor, weight: Tensor | Scalar): Tensor {
  checkSameDtype('end', start, end);
  const dtype = start.dtype;
  if (!dtype.isFloating) throw runtimeError(`"lerp_kernel_scalar" not implemented for '${dtype.scalarName}'`);
  const k = lerpK(dtype === float32 ? f : (v) => v);
  if (!(weight instanceof Tensor)) {
    const w = dtype === float32 ? f(scalarValue(weight)) : scalarValue(weight);
    const out = mapBinary(start, end, dtype, (s, e) => k(s, e, w));
    if (out.shape.length !== start.shape.length && start.requiresGrad) {
      throw runtimeError(`output with shape [${start.shape.join(', ')}] doesn't match the broadcast shape [${out.shape.join(', ')}]`);
    }
    if (needsGradAny([start, end])) record(out, lerpScalarFn, [start, end], scalarValue(weight)).save(end, -1, 'end');
    return out;
  }
  checkSameDtype('weight', start, weight);
  const out = mapTernary(start, end, weight, dtype, k);
  if (needsGradAny([start, end, weight])) {
    const node = record(out, lerpTensorFn, [start, end, weight]);
    node.save(start, -1, 'self');
    node.save(end, -1, 'end');
    node.save(weight, -1, 'weight');
  }
  return out;
}

function checkSameDtype(what: string, a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) throw runtimeError(`expected dtype ${a.dtype.scalarName.toLowerCase()} for \`${what}\` but got dtype ${b.dtype.scalarName.toLowerCase()}`);
}

/** float_power: both operands converted to float64 first (ToCopyBackward0), then pow. */
export function floatPower(x: TensorOrScalar, e: TensorOrScalar): Tensor {
  const toD = (v: TensorOrScalar): TensorOrScalar => (v instanceof Tensor ? toDtype(v, float64) : v);
  return pow(toD(x), toD(e));
}

export const signbit = (x: Tensor): Tensor => mapUnary(x, bool, (v) => (v < 0 || Object.is(v, -0) ? 1 : 0));

const PI_F = f(Math.PI);
export const sinc = defineUnary({
  gradFn: 'SincBackward0',
  f: (x) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)),
  f32: (x) => {
    if (x === 0) return 1;
    const p = f(PI_F * x);
    return f(f(Math.sin(p)) / p);
  },
  dtype: 'float',
  uses: ['self'],
  grad: (g, s) => {
    const px = mulScalar(s!, Math.PI);
    const d = div(sub(mul(px, cosOf(px)), sinOf(px)), mul(px, s!));
    return mul(g, maskedFill(d, mapUnary(s!, bool, (v) => (v === 0 ? 1 : 0)), 0));
  },
});
const cosOf = (t: Tensor) => mapUnary(t, t.dtype, Math.cos);
const sinOf = (t: Tensor) => mapUnary(t, t.dtype, Math.sin);

const DEG = Math.PI / 180;
export const deg2rad = defineUnary({ gradFn: 'Deg2RadBackward0', f: (x) => x * DEG, f32: (x) => x * f(DEG), dtype: 'float', grad: (g) => mulScalar(g, DEG) });
export const rad2deg = defineUnary({ gradFn: 'Rad2DegBackward0', f: (x) => x / DEG, f32: (x) => x * f(1 / DEG), dtype: 'float', grad: (g) => mulScalar(g, 1 / DEG) });

const logitFn = backwardFn('LogitBackward0', (n, [g]) => {
  const eps = n.ctx as number | null;
  const x = n.unpack(0);
  const d = div(g!, mul(x, rsub(x, 1)));
  const outside = mapUnary(x, bool, eps === null ? (v) => (v < 0 || v > 1 ? 1 : 0) : (v) => (v < eps || v > 1 - eps ? 1 : 0));
  return [where(outside, eps === null ? NaN : 0, d)];
});

/** logit(eps): log(x / (1 - x)) after clamping x to [eps, 1 - eps] when eps is given. */
export function logit(x: Tensor, eps: number | null): Tensor {
  const dtype = toFloating(x.dtype);
  const single = dtype === float32;
  const lo = eps === null ? 0 : single ? f(eps) : eps;
  const hi = eps === null ? 1 : single ? f(1 - lo) : 1 - lo;
  const out = mapUnary(x, dtype, (v) => {
    const c = eps === null ? v : v < lo ? lo : v > hi ? hi : v;
    return single ? logf(f(c / f(1 - c))) : Math.log(c / (1 - c));
  });
  if (needsGradAny([x])) record(out, logitFn, [x], eps).save(x);
  return out;
}

function shrink(name: string, value: (v: number, l: number) => number, checkLambd: boolean) {
  const fn = backwardFn(name, (n, [g]) => {
    const l = n.ctx as number;
    return [maskedFill(g!, mapUnary(n.unpack(0), bool, (v) => (v >= -l && v <= l ? 1 : 0)), 0)];
  });
  return (x: Tensor, lambd: number): Tensor => {
    if (checkLambd && lambd < 0) throw runtimeError(`lambda must be greater or equal to 0, but found to be ${lambd}.`);
    const l = x.dtype === float32 ? f(lambd) : lambd;
    const out = mapUnary(x, x.dtype, (v) => value(v, l));
    if (needsGradAny([x])) record(out, fn, [x], l).save(x);
    return out;
  };
}
export const hardshrink = shrink('HardshrinkBackward0', (v, l) => (v >= -l && v <= l ? 0 : v), false);
export const softshrink = shrink('SoftshrinkBackward0', (v, l) => (v > l ? v - l : v < -l ? v + l : 0), true);
