/**
 * One table of torch operations, declared by PyTorch's own signatures, serving both
 * `torch.X(t, ...)` and the method `t.X(...)` as PyTorch's generated bindings do. The
 * method form of a signature is derived (input becomes self, `out=` is dropped).
 */
import * as ops from '../ops/index.js';
import { copy_, add_, sub_, mul_, div_, clamp_, unary_, zero_, fill_ } from '../ops/inplace.js';
import { withGradMode } from '../autograd/grad_mode.js';
import { float32, float64, int64, int32, bool, float16 } from '../tensor/dtype.js';
import { runtimeError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { TensorOrScalar } from '../ops/scalar.js';
import { BuiltinFunction } from '../python/objects.js';
import { type Kwargs, PyFloat, PyTuple, type PyValue } from '../python/values.js';
import { broadcastShapes } from '../tensor/shape.js';
import { type Bound, type Signature, bindOverloads, parseSignature } from './signature.js';
import { toDims, toDtype, toInt, toScalar, toShape, toTensorList, toFloat, isPyScalar } from './pyconv.js';
import { ReturnPair } from './return_types.js';

type Impl = (b: Bound, overload: number) => PyValue;

export interface Entry {
  readonly name: string;
  readonly sigs: readonly Signature[];
  readonly impl: Impl;
  /** the method takes self as this parameter */
  readonly selfParam: string;
}

export const torchFunctions = new Map<string, Entry>();
export const tensorMethods = new Map<string, Entry>();

interface DefOptions {
  /** 'fn': torch.X only; 'method': t.X only. */
  only?: 'fn' | 'method';
  numbersAsTensors?: boolean;
  /** Method signatures when they are not derivable from the function ones. */
  methodSigs?: string[];
  /** Extra names (torch.clip for clamp). */
  aliases?: string[];
}

function methodText(text: string): string | null {
  if (!/\(Tensor input\b/.test(text)) return null;
  return text
    .replace('(Tensor input, ', '(Tensor self, ')
    .replace('(Tensor input)', '(Tensor self)')
    .replace(/, \*, Tensor(List\[2\])? out=None\)/, ')')
    .replace(/, Tensor(List\[2\])? out=None\)/, ')');
}

export function def(sigs: string[], impl: Impl, opts: DefOptions = {}): void {
  const name = sigs[0].slice(0, sigs[0].indexOf('('));
  const num = { numbersAsTensors: opts.numbersAsTensors };
  if (opts.only !== 'method') {
    const e: Entry = { name, sigs: sigs.map((s) => parseSignature(s, num)), impl, selfParam: 'input' };
    for (const n of [name, ...(opts.aliases ?? [])]) torchFunctions.set(n, e);
  }
  if (opts.only !== 'fn') {
    const texts = opts.methodSigs ?? (sigs.map(methodText).filter((t) => t !== null) as string[]);
    const msigs = texts.map((t) => parseSignature(t, { method: true, ...num }));
    const e: Entry = { name, sigs: msigs, impl, selfParam: opts.methodSigs ? 'self' : 'input' };
    for (const n of [name, ...(opts.aliases ?? [])]) tensorMethods.set(n, e);
  }
}

export function callEntry(e: Entry, args: PyValue[], kwargs: Kwargs | null, self?: Tensor): PyValue {
  const { index, bound } = bindOverloads(e.sigs, args, kwargs);
  if (self !== undefined) bound[e.selfParam] = self;
  return e.impl(bound, index);
}

export const torchFunction = (e: Entry) => new BuiltinFunction(e.name, (args, kwargs) => callEntry(e, args, kwargs));
export const boundMethod = (e: Entry, self: Tensor) => new BuiltinFunction(e.name, (args, kwargs) => callEntry(e, args, kwargs, self), self);

const T = (v: PyValue) => v as Tensor;
const TS = (v: PyValue) => (v instanceof Tensor ? v : toScalar(v)) as TensorOrScalar;
const noGrad = <R>(f: () => R): R => withGradMode(false, f);

// ---- elementwise unary -------------------------------------------------------------
const UNARY: Record<string, (x: Tensor) => Tensor> = {
  abs: ops.abs, acos: ops.acos, asin: ops.asin, atan: ops.atan, ceil: ops.ceil, cos: ops.cos, cosh: ops.cosh,
  erf: ops.erf, erfc: ops.erfc, erfinv: ops.erfinv, exp: ops.exp, exp2: ops.exp2, expm1: ops.expm1, floor: ops.floor, log: ops.log, log10: ops.log10, log1p: ops.log1p, log2: ops.log2,
  neg: ops.neg, reciprocal: ops.reciprocal, rsqrt: ops.rsqrt, sigmoid: ops.sigmoid, sign: ops.sign, sin: ops.sin,
  sinh: ops.sinh, sqrt: ops.sqrt, tan: ops.tan, tanh: ops.tanh, trunc: ops.trunc, round: ops.round,
};
for (const [name, f] of Object.entries(UNARY)) {
  def([`${name}(Tensor input, *, Tensor out=None)`], (b) => f(T(b.input)), { aliases: name === 'abs' ? ['absolute'] : name === 'neg' ? ['negative'] : [] });
  def([`${name}_(Tensor input)`], (b) => unary_(T(b.input), f), { only: 'method' });
}
def(['round(Tensor input, *, Tensor out=None)', 'round(Tensor input, *, int decimals, Tensor out=None)'], (b, o) =>
  o === 0 ? ops.round(T(b.input)) : ops.roundDecimals(T(b.input), toInt(b.decimals)),
);
def(['round_(Tensor input)', 'round_(Tensor input, *, int decimals)'], (b, o) => unary_(T(b.input), o === 0 ? ops.round : (s) => ops.roundDecimals(s, toInt(b.decimals))), { only: 'method' });
def(['relu(Tensor input)'], (b) => ops.relu(T(b.input)));
def(['relu_(Tensor input)'], (b) => unary_(T(b.input), ops.relu));
def(['square(Tensor input, *, Tensor out=None)'], (b) => ops.pow(T(b.input), 2));
def(['isnan(Tensor input)'], (b) => noGrad(() => ops.ne(T(b.input), T(b.input))));
def(['isinf(Tensor input)'], (b) => noGrad(() => ops.eq(ops.abs(T(b.input)), new PyFloat(Infinity))));
def(['isfinite(Tensor input)'], (b) =>
  noGrad(() => ops.logicalNot(ops.logicalOr(ops.ne(T(b.input), T(b.input)), ops.eq(ops.abs(T(b.input)), new PyFloat(Infinity))))),
);

// ---- binary arithmetic -----------------------------------------------------------------
const withAlpha = (other: TensorOrScalar, alpha: PyValue): TensorOrScalar =>
  alpha === 1 ? other : other instanceof Tensor ? ops.mul(other, toScalar(alpha)) : new PyFloat(ops.scalarValue(other) * toFloat(alpha));
def(['add(Tensor input, Tensor other, *, Scalar alpha=1, Tensor out=None)'], (b) => (b.alpha === 1 ? ops.add(TS(b.input), TS(b.other)) : ops.addAlpha(TS(b.input), TS(b.other), toScalar(b.alpha))), {
  numbersAsTensors: true,
});
def(['sub(Tensor input, Tensor other, *, Scalar alpha=1, Tensor out=None)'], (b) => (b.alpha === 1 ? ops.sub(TS(b.input), TS(b.other)) : ops.subAlpha(TS(b.input), TS(b.other), toScalar(b.alpha))), {
  numbersAsTensors: true,
  aliases: ['subtract'],
});
def(['mul(Tensor input, Tensor other, *, Tensor out=None)'], (b) => ops.mul(TS(b.input), TS(b.other)), { numbersAsTensors: true, aliases: ['multiply'] });
def(
  [
    'div(Tensor input, Tensor other, *, Tensor out=None)',
    'div(Tensor input, Tensor other, *, str? rounding_mode, Tensor out=None)',
    'div(Tensor input, Scalar other, *, str? rounding_mode)',
  ],
  // the rounding_mode overloads are div.Tensor_mode even for rounding_mode=None (DivBackward2)
  (b, overload) => (overload === 0 ? ops.div(TS(b.input), TS(b.other)) : ops.divRounding(TS(b.input), TS(b.other), b.rounding_mode as string | null)),
  { numbersAsTensors: true, aliases: ['divide', 'true_divide'] },
);
for (const [name, f] of [['add_', add_], ['sub_', sub_], ['mul_', mul_], ['div_', div_]] as const)
  def([`${name}(Tensor input, Tensor other)`], (b) => f(T(b.input), TS(b.other)), { only: 'method', numbersAsTensors: true });
def(
  [
    'pow(Tensor input, Tensor exponent, *, Tensor out=None)',
    'pow(Scalar self, Tensor exponent, *, Tensor out=None)',
    'pow(Tensor input, Scalar exponent, *, Tensor out=None)',
  ],
  (b) => ops.pow(TS(b.input ?? b.self), TS(b.exponent)),
  { methodSigs: ['pow(Tensor self, Tensor exponent)', 'pow(Tensor self, Scalar exponent)'] },
);
def(['pow_(Tensor input, Scalar exponent)'], (b) => unary_(T(b.input), (s) => ops.pow(s, TS(b.exponent))), { only: 'method' });
def(['floor_divide(Tensor input, Tensor other, *, Tensor out=None)'], (b) => ops.floorDivide(TS(b.input), TS(b.other)), { numbersAsTensors: true });
def(['remainder(Tensor input, Tensor other, *, Tensor out=None)'], (b) => ops.remainder(TS(b.input), TS(b.other)), { numbersAsTensors: true });
def(['fmod(Tensor input, Tensor other, *, Tensor out=None)', 'fmod(Tensor input, Scalar other, *, Tensor out=None)'], (b) => ops.fmod(T(b.input), TS(b.other)));
def(['maximum(Tensor input, Tensor other, *, Tensor out=None)'], (b) => ops.maximum(T(b.input), T(b.other)));
def(['minimum(Tensor input, Tensor other, *, Tensor out=None)'], (b) => ops.minimum(T(b.input), T(b.other)));
def(['rsub(Tensor input, Tensor other, *, Scalar alpha=1)'], (b) => ops.rsub(T(b.input), withAlpha(TS(b.other), b.alpha)), { numbersAsTensors: true });

// ---- comparisons and logic -------------------------------------------------------------
for (const [name, f] of [['eq', ops.eq], ['ne', ops.ne], ['lt', ops.lt], ['le', ops.le], ['gt', ops.gt], ['ge', ops.ge]] as const)
  def([`${name}(Tensor input, Tensor other, *, Tensor out=None)`, `${name}(Tensor input, Scalar other, *, Tensor out=None)`], (b) => f(T(b.input), TS(b.other)), {
    aliases: { eq: [], ne: ['not_equal'], lt: ['less'], le: ['less_equal'], gt: ['greater'], ge: ['greater_equal'] }[name],
  });
for (const [name, f] of [['logical_and', ops.logicalAnd], ['logical_or', ops.logicalOr], ['logical_xor', ops.logicalXor]] as const)
  def([`${name}(Tensor input, Tensor other, *, Tensor out=None)`], (b) => f(T(b.input), T(b.other)));
def(['logical_not(Tensor input, *, Tensor out=None)'], (b) => ops.logicalNot(T(b.input)));
def(['logical_not_(Tensor input)'], (b) => unary_(T(b.input), ops.logicalNot), { only: 'method' });
for (const [name, f] of [['logical_and_', ops.logicalAnd], ['logical_or_', ops.logicalOr], ['logical_xor_', ops.logicalXor]] as const)
  def([`${name}(Tensor input, Tensor other)`], (b) => unary_(T(b.input), (s) => f(s, T(b.other))), { only: 'method' });
def(
  [
    'clamp(Tensor input, Tensor? min=None, Tensor? max=None, *, Tensor out=None)',
    'clamp(Tensor input, Scalar? min=None, Scalar? max=None, *, Tensor out=None)',
  ],
  (b, i) => {
    if (i === 1) return ops.clamp(T(b.input), b.min === null ? null : toScalar(b.min), b.max === null ? null : toScalar(b.max));
    let out = T(b.input);
    if (b.min === null && b.max === null) throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
    if (b.min !== null) out = ops.maximum(out, T(b.min));
    if (b.max !== null) out = ops.minimum(out, T(b.max));
    return out;
  },
  { aliases: ['clip'] },
);
def(['clamp_(Tensor input, Scalar? min=None, Scalar? max=None)'], (b) => clamp_(T(b.input), b.min === null ? null : toScalar(b.min), b.max === null ? null : toScalar(b.max)), {
  only: 'method',
  aliases: ['clip_'],
});
def(['clamp_min(Tensor input, Scalar min)'], (b) => ops.clampMin(T(b.input), toScalar(b.min)));
def(['clamp_max(Tensor input, Scalar max)'], (b) => ops.clampMax(T(b.input), toScalar(b.max)));
def(
  [
    'where(Tensor condition)',
    'where(Tensor condition, Tensor input, Tensor other, *, Tensor out=None)',
    'where(Tensor condition, Scalar self, Tensor other)',
    'where(Tensor condition, Tensor input, Scalar other)',
    'where(Tensor condition, Scalar self, Scalar other)',
  ],
  (b) => {
    if (b.other === undefined) return new PyTuple(ops.nonzeroTuple(T(b.condition)));
    return ops.where(T(b.condition), TS(b.input ?? b.self), TS(b.other));
  },
  { methodSigs: ['where(Tensor self, Tensor condition, Tensor other)', 'where(Tensor self, Tensor condition, Scalar other)'] },
);
def(['masked_fill(Tensor input, Tensor mask, Tensor value)', 'masked_fill(Tensor input, Tensor mask, Scalar value)'], (b) =>
  ops.maskedFill(T(b.input), T(b.mask), toScalar(b.value)),
);
def(['allclose(Tensor input, Tensor other, float rtol=1e-05, float atol=1e-08, bool equal_nan=False)'], (b) =>
  closeFlags(b).every((v) => v),
);
def(['isclose(Tensor input, Tensor other, float rtol=1e-05, float atol=1e-08, bool equal_nan=False)'], (b) =>
  ops.fromFlat(closeFlags(b).map((v) => (v ? 1 : 0)), broadcastShapes(T(b.input).shape, T(b.other).shape), bool),
);
def(['equal(Tensor input, Tensor other)'], (b) => {
  const x = T(b.input);
  const y = T(b.other);
  if (x.shape.length !== y.shape.length || x.shape.some((s, i) => s !== y.shape[i])) return false;
  const a = x.toFlatArray();
  const c = y.toFlatArray();
  return a.every((v, i) => v === c[i]);
});

// any/all: boolean results, no history (values computed without recording a graph)
for (const [name, test] of [['any', (s: number, _n: number) => s > 0], ['all', (s: number, n: number) => s === n]] as const)
  def([`${name}(Tensor input)`, `${name}(Tensor input, int dim, bool keepdim=False, *, Tensor out=None)`], (b, i) =>
    noGrad(() => {
      const x = T(b.input);
      const nz = ops.ne(x, 0);
      if (i === 0) return ops.fromFlat([test(ops.sum(nz).item(), x.numel()) ? 1 : 0], [], bool);
      const d = toInt(b.dim);
      const n = x.shape[ops.wrapDim(d, x.dim())] ?? 1;
      const counts = ops.sum(nz, d, b.keepdim === true);
      return ops.fromFlat(Array.from(counts.toFlatArray(), (c) => (test(c, n) ? 1 : 0)), counts.shape, bool);
    }),
  );

function closeFlags(b: Bound): boolean[] {
  const x = T(b.input);
  const y = T(b.other);
  const shape = broadcastShapes(x.shape, y.shape);
  const a = ops.expand(ops.detach(x), shape).toFlatArray();
  const c = ops.expand(ops.detach(y), shape).toFlatArray();
  const rtol = toFloat(b.rtol);
  const atol = toFloat(b.atol);
  const out: boolean[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    const q = c[i];
    if (p !== p || q !== q) out[i] = b.equal_nan === true && p !== p && q !== q;
    else out[i] = p === q || Math.abs(p - q) <= atol + rtol * Math.abs(q);
  }
  return out;
}

// ---- reductions ------------------------------------------------------------------------
def(
  [
    'sum(Tensor input, *, ScalarType? dtype=None)',
    'sum(Tensor input, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)',
    'sum(Tensor input, Dimname[1] dim, bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)',
  ],
  (b, i) => (i === 0 ? ops.sum(T(b.input), null, false, toDtype(b.dtype)) : ops.sum(T(b.input), toDims(b.dim), b.keepdim === true, toDtype(b.dtype))),
);
def(
  [
    'mean(Tensor input, *, ScalarType? dtype=None)',
    'mean(Tensor input, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)',
    'mean(Tensor input, Dimname[1] dim, bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)',
  ],
  (b, i) => (i === 0 ? ops.mean(T(b.input), null, false, toDtype(b.dtype)) : ops.mean(T(b.input), toDims(b.dim), b.keepdim === true, toDtype(b.dtype))),
);
def(
  [
    'prod(Tensor input, *, ScalarType? dtype=None)',
    'prod(Tensor input, int dim, bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)',
    'prod(Tensor input, Dimname dim, bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)',
  ],
  (b, i) => (i === 0 ? ops.prod(T(b.input)) : ops.prod(T(b.input), toInt(b.dim), b.keepdim === true)),
);
for (const [name, all, byDim, pair] of [
  ['max', ops.maxAll, ops.maxDim, ops.maximum],
  ['min', ops.minAll, ops.minDim, ops.minimum],
] as const)
  def(
    [
      `${name}(Tensor input)`,
      `${name}(Tensor input, Tensor other, *, Tensor out=None)`,
      `${name}(Tensor input, int dim, bool keepdim=False, *, TensorList[2] out=None)`,
      `${name}(Tensor input, Dimname dim, bool keepdim=False, *, TensorList[2] out=None)`,
    ],
    (b, i) => {
      if (i === 0) return all(T(b.input));
      if (i === 1) return pair(T(b.input), T(b.other));
      const [values, indices] = byDim(T(b.input), toInt(b.dim), b.keepdim === true);
      return new ReturnPair(name, values, indices);
    },
  );
for (const [name, f] of [['argmax', ops.argmax], ['argmin', ops.argmin]] as const)
  def([`${name}(Tensor input, int? dim=None, bool keepdim=False, *, Tensor out=None)`], (b) =>
    f(T(b.input), b.dim === null ? null : toInt(b.dim), b.keepdim === true),
  );
for (const [name, f] of [['amax', ops.amax], ['amin', ops.amin]] as const)
  def([`${name}(Tensor input, int[1] dim=[], bool keepdim=False, *, Tensor out=None)`], (b) => f(T(b.input), toDims(b.dim) as number[], b.keepdim === true));
for (const [name, f] of [['var', ops.variance], ['std', ops.std]] as const)
  def(
    [
      `${name}(Tensor input, int[1]? dim, *, int? correction=None, bool keepdim=False, Tensor out=None)`,
      `${name}(Tensor input, int[1]? dim, bool unbiased=True, bool keepdim=False, *, Tensor out=None)`,
      `${name}(Tensor input, bool unbiased=True)`,
      `${name}(Tensor input, Dimname[1] dim, *, int? correction=None, bool keepdim=False, Tensor out=None)`,
      `${name}(Tensor input, Dimname[1] dim, bool unbiased=True, bool keepdim=False, *, Tensor out=None)`,
    ],
    (b, i) => {
      const correction = i === 0 ? (b.correction === null ? 1 : toInt(b.correction)) : b.unbiased === false ? 0 : 1;
      return f(T(b.input), i === 2 ? null : toDims(b.dim), correction, b.keepdim === true);
    },
  );
def(['norm(Tensor input, Scalar? p=2, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)'], (b) =>
  ops.norm(T(b.input), b.p === null ? 2 : toFloat(b.p), toDims(b.dim), b.keepdim === true),
);
def(['logsumexp(Tensor input, int[1] dim, bool keepdim=False, *, Tensor out=None)', 'logsumexp(Tensor input, Dimname[1] dim, bool keepdim=False, *, Tensor out=None)'], (b) =>
  ops.logsumexp(T(b.input), toDims(b.dim), b.keepdim === true),
);
for (const [name, f] of [['cumsum', ops.cumsum], ['cumprod', ops.cumprod]] as const)
  def([`${name}(Tensor input, int dim, *, ScalarType? dtype=None, Tensor out=None)`, `${name}(Tensor input, Dimname dim, *, ScalarType? dtype=None, Tensor out=None)`], (b) =>
    f(T(b.input), toInt(b.dim), toDtype(b.dtype)),
  );
for (const [name, f] of [['softmax', ops.softmax], ['log_softmax', ops.logSoftmax]] as const)
  def(
    [`${name}(Tensor input, int dim, ScalarType? dtype=None, *, Tensor out=None)`, `${name}(Tensor input, Dimname dim, *, ScalarType? dtype=None)`],
    (b) => {
      const x = T(b.input);
      const dt = toDtype(b.dtype);
      return f(dt ? ops.toDtype(x, dt) : x, toInt(b.dim));
    },
  );

// ---- linear algebra --------------------------------------------------------------------
def(['matmul(Tensor input, Tensor other, *, Tensor out=None)'], (b) => ops.matmul(T(b.input), T(b.other)));
def(['mm(Tensor input, Tensor mat2, *, Tensor out=None)'], (b) => ops.mm(T(b.input), T(b.mat2)));
def(['bmm(Tensor input, Tensor mat2, *, Tensor out=None)'], (b) => ops.bmm(T(b.input), T(b.mat2)));
def(['mv(Tensor input, Tensor vec, *, Tensor out=None)'], (b) => ops.mv(T(b.input), T(b.vec)));
def(['dot(Tensor input, Tensor tensor, *, Tensor out=None)'], (b) => ops.dot(T(b.input), T(b.tensor)));
def(['outer(Tensor input, Tensor vec2, *, Tensor out=None)'], (b) => ops.outer(T(b.input), T(b.vec2)), { aliases: ['ger'] });

// ---- shapes and views ------------------------------------------------------------------
def(['reshape(Tensor input, SymInt[] shape)'], (b) => ops.reshape(T(b.input), toShape(b.shape)));
def(['view(Tensor self, ScalarType dtype)', 'view(Tensor self, SymInt[] size)'], (b, i) => {
  if (i === 0) throw runtimeError('Tensor.view(dtype) is not supported by gradviz');
  return ops.view(T(b.self), toShape(b.size));
}, { only: 'method', methodSigs: ['view(Tensor self, ScalarType dtype)', 'view(Tensor self, SymInt[] size)'] });
def(['view_as(Tensor self, Tensor other)'], (b) => ops.view(T(b.self), T(b.other).shape), { only: 'method', methodSigs: ['view_as(Tensor self, Tensor other)'] });
def(['reshape_as(Tensor self, Tensor other)'], (b) => ops.reshape(T(b.self), T(b.other).shape), { only: 'method', methodSigs: ['reshape_as(Tensor self, Tensor other)'] });
def(['expand(Tensor self, SymInt[] size, *, bool implicit=False)'], (b) => ops.expand(T(b.self), toShape(b.size)), {
  only: 'method',
  methodSigs: ['expand(Tensor self, SymInt[] size, *, bool implicit=False)'],
});
def(['expand_as(Tensor self, Tensor other)'], (b) => ops.expand(T(b.self), T(b.other).shape), { only: 'method', methodSigs: ['expand_as(Tensor self, Tensor other)'] });
def(['flatten(Tensor input, int start_dim=0, int end_dim=-1)'], (b) => ops.flatten(T(b.input), toInt(b.start_dim), toInt(b.end_dim)));
def(['squeeze(Tensor input)', 'squeeze(Tensor input, int dim)', 'squeeze(Tensor input, Dimname dim)'], (b, i) =>
  ops.squeeze(T(b.input), i === 0 ? null : toInt(b.dim)),
);
def(['unsqueeze(Tensor input, int dim)'], (b) => ops.unsqueeze(T(b.input), toInt(b.dim)));
def(['transpose(Tensor input, int dim0, int dim1)', 'transpose(Tensor input, Dimname dim0, Dimname dim1)'], (b) =>
  ops.transpose(T(b.input), toInt(b.dim0), toInt(b.dim1)),
  { aliases: ['swapaxes', 'swapdims'] },
);
def(['t(Tensor input)'], (b) => ops.t(T(b.input)));
def(['permute(Tensor input, int[] dims)'], (b) => ops.permute(T(b.input), toShape(b.dims)));
def(['flip(Tensor input, int[] dims)'], (b) => ops.flip(T(b.input), toShape(b.dims)));
def(['repeat(Tensor self, SymInt[] repeats)'], (b) => ops.repeat(T(b.self), toShape(b.repeats)), { only: 'method', methodSigs: ['repeat(Tensor self, SymInt[] repeats)'] });
def(['cat(Tensor[] tensors, int dim=0, *, Tensor out=None)', 'cat(Tensor[] tensors, Dimname dim, *, Tensor out=None)'], (b) =>
  ops.cat(toTensorList(b.tensors), toInt(b.dim)),
  { only: 'fn', aliases: ['concat', 'concatenate'] },
);
def(['stack(Tensor[] tensors, int dim=0, *, Tensor out=None)'], (b) => ops.stack(toTensorList(b.tensors), toInt(b.dim)), { only: 'fn' });

// atleast_Nd as ATen writes them (0-d: reshape; 1-d: unsqueeze(0); 2-d to 3-d: unsqueeze(-1)), and the *stack family on top
const atleast1d = (t: Tensor): Tensor => (t.dim() === 0 ? ops.reshape(t, [1]) : t);
const atleast2d = (t: Tensor): Tensor => (t.dim() === 0 ? ops.reshape(t, [1, 1]) : t.dim() === 1 ? ops.unsqueeze(t, 0) : t);
const atleast3d = (t: Tensor): Tensor =>
  t.dim() === 0 ? ops.reshape(t, [1, 1, 1]) : t.dim() === 1 ? ops.unsqueeze(ops.unsqueeze(t, 0), -1) : t.dim() === 2 ? ops.unsqueeze(t, -1) : t;
for (const [name, f] of [['atleast_1d', atleast1d], ['atleast_2d', atleast2d], ['atleast_3d', atleast3d]] as const)
  def([`${name}(Tensor input)`, `${name}(Tensor[] tensors)`], (b, o) => (o === 0 ? f(T(b.input)) : new PyTuple(toTensorList(b.tensors).map(f))), { only: 'fn' });
def(['hstack(Tensor[] tensors, *, Tensor out=None)'], (b) => {
  const ts = toTensorList(b.tensors).map(atleast1d);
  return ops.cat(ts, ts[0]?.dim() === 1 ? 0 : 1);
}, { only: 'fn' });
def(['vstack(Tensor[] tensors, *, Tensor out=None)'], (b) => ops.cat(toTensorList(b.tensors).map(atleast2d), 0), { only: 'fn', aliases: ['row_stack'] });
def(['dstack(Tensor[] tensors, *, Tensor out=None)'], (b) => ops.cat(toTensorList(b.tensors).map(atleast3d), 2), { only: 'fn' });
def(['column_stack(Tensor[] tensors, *, Tensor out=None)'], (b) =>
  ops.cat(toTensorList(b.tensors).map((t) => (t.dim() <= 1 ? ops.reshape(t, [t.numel(), 1]) : t)), 1),
  { only: 'fn' },
);
def(['split(Tensor input, PyObject split_size_or_sections, int dim=0)'], (b) => {
  const s = b.split_size_or_sections;
  return tupleOf(ops.split(T(b.input), isPyScalar(s) || s instanceof Tensor ? toInt(s) : toShape(s), toInt(b.dim)));
});
def(['chunk(Tensor input, int chunks, int dim=0)'], (b) => tupleOf(ops.chunk(T(b.input), toInt(b.chunks), toInt(b.dim))));
def(['unbind(Tensor input, int dim=0)', 'unbind(Tensor input, Dimname dim)'], (b) => tupleOf(ops.unbind(T(b.input), toInt(b.dim))));

function tupleOf(ts: Tensor[]): PyTuple {
  return new PyTuple(ts);
}

// ---- copies, dtype conversion and in-place fills -----------------------------------------
def(['clone(Tensor input, *, MemoryFormat? memory_format=None)'], (b) => ops.clone(T(b.input)));
def(['detach(Tensor input)'], (b) => ops.detach(T(b.input)));
def(['contiguous(Tensor self)'], (b) => ops.contiguous(T(b.self)), {
  only: 'method',
  methodSigs: ['contiguous(Tensor self)'],
});
def(['zero_(Tensor self)'], (b) => zero_(T(b.self)), { only: 'method', methodSigs: ['zero_(Tensor self)'] });
def(['fill_(Tensor self, Tensor value)', 'fill_(Tensor self, Scalar value)'], (b) => fill_(T(b.self), toScalar(b.value)), {
  only: 'method',
  methodSigs: ['fill_(Tensor self, Tensor value)', 'fill_(Tensor self, Scalar value)'],
});
def(['copy_(Tensor self, Tensor src, bool non_blocking=False)'], (b) => copy_(T(b.self), T(b.src)), {
  only: 'method',
  methodSigs: ['copy_(Tensor self, Tensor src, bool non_blocking=False)'],
});
for (const [name, dt] of [['float', float32], ['double', float64], ['long', int64], ['int', int32], ['bool', bool], ['half', float16]] as const)
  def([`${name}(Tensor self, *, MemoryFormat? memory_format=None)`], (b) => ops.toDtype(T(b.self), dt), {
    only: 'method',
    methodSigs: [`${name}(Tensor self, *, MemoryFormat? memory_format=None)`],
  });
def(['type_as(Tensor self, Tensor other)'], (b) => ops.toDtype(T(b.self), T(b.other).dtype), { only: 'method', methodSigs: ['type_as(Tensor self, Tensor other)'] });

