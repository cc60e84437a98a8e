/**
 * torch.X / Tensor.X bindings of the long tail: views and shape helpers (select, narrow,
 * movedim, tile, ravel, rot90, tensor_split, diff, take, ...), element-wise math (atan2,
 * hypot, logaddexp, xlogy, lerp, fmax, sinc, logit, ...), nan-reductions, inner/kron/
 * matrix_power and small predicates. Signatures as PyTorch 1.13 declares them.
 */
import * as ops from '../ops/index.js';
import { inplace } from '../ops/inplace.js';
import * as sx from '../ops/shape_extra.js';
import * as mx from '../ops/math_extra.js';
import * as rx from '../ops/reduce_extra.js';
import * as lx from '../ops/linalg_more.js';
import type { TensorOrScalar } from '../ops/scalar.js';
import { int8, int16, uint8 } from '../tensor/dtype.js';
import { indexError, runtimeError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { contiguousStrides } from '../tensor/shape.js';
import { PyTuple, type PyValue } from '../python/values.js';
import { def } from './functions.js';
import { toDims, toFloat, toInt, toScalar, toShape } from './pyconv.js';

const T = (v: PyValue) => v as Tensor;
const TS = (v: PyValue) => (v instanceof Tensor ? v : toScalar(v)) as TensorOrScalar;
const tuple = (ts: Tensor[]) => new PyTuple(ts);
const method = (sigs: string[]) => ({ only: 'method' as const, methodSigs: sigs });

// ---- views and shapes ----------------------------------------------------------------------
def(['select(Tensor input, int dim, SymInt index)'], (b) => {
  // x[0] on a 0-d tensor has its own message (in views.ts); select() names itself
  if (T(b.input).shape.length === 0) throw indexError('select() cannot be applied to a 0-dim tensor.');
  return ops.select(T(b.input), toInt(b.dim), toInt(b.index));
});
def(['narrow(Tensor input, int dim, Tensor start, SymInt length)', 'narrow(Tensor input, int dim, SymInt start, SymInt length)'], (b) =>
  sx.narrow(T(b.input), toInt(b.dim), toInt(b.start), toInt(b.length)),
);
def(['movedim(Tensor input, int[] source, int[] destination)', 'movedim(Tensor input, int source, int destination)'], (b) =>
  sx.movedim(T(b.input), toShape(b.source), toShape(b.destination)),
  { aliases: ['moveaxis'] },
);
def(['tile(Tensor input, int[] dims)'], (b) => sx.tile(T(b.input), toShape(b.dims)));
def(['broadcast_to(Tensor input, SymInt[] size)'], (b) => ops.expand(T(b.input), toShape(b.size)));
def(['ravel(Tensor input)'], (b) => sx.ravel(T(b.input)));
def(['fliplr(Tensor input)'], (b) => sx.fliplr(T(b.input)));
def(['flipud(Tensor input)'], (b) => sx.flipud(T(b.input)));
// the parser takes no commas inside a default: dims=[0,1] is applied here
def(['rot90(Tensor input, int k=1, int[]? dims=None)'], (b) => sx.rot90(T(b.input), toInt(b.k), b.dims === null ? [0, 1] : toShape(b.dims)));
def(['unflatten(Tensor input, int dim, int[] sizes)'], (b) => sx.unflatten(T(b.input), toInt(b.dim), toShape(b.sizes)));
def(
  [
    'repeat_interleave(Tensor input, Tensor repeats, int? dim=None, *, int? output_size=None)',
    'repeat_interleave(Tensor input, SymInt repeats, int? dim=None, *, int? output_size=None)',
  ],
  (b, i) => sx.repeatInterleave(T(b.input), i === 0 ? T(b.repeats) : toInt(b.repeats), b.dim === null ? null : toInt(b.dim)),
);
def(['take(Tensor input, Tensor index, *, Tensor out=None)'], (b) => sx.take(T(b.input), T(b.index)));
def(['take_along_dim(Tensor input, Tensor indices, int? dim=None, *, Tensor out=None)'], (b) =>
  sx.takeAlongDim(T(b.input), T(b.indices), b.dim === null ? null : toInt(b.dim)),
);
def(
  [
    'tensor_split(Tensor input, SymInt sections, int dim=0)',
    'tensor_split(Tensor input, SymInt[] indices, int dim=0)',
    'tensor_split(Tensor input, Tensor tensor_indices_or_sections, int dim=0)',
  ],
  (b, i) => {
    let s: number | number[];
    if (i === 0) s = toInt(b.sections);
    else if (i === 1) s = toShape(b.indices);
    else {
      const t = T(b.tensor_indices_or_sections);
      s = t.shape.length === 0 ? t.item() : Array.from(t.toFlatArray());
    }
    return tuple(sx.tensorSplit(T(b.input), s, toInt(b.dim)));
  },
);
for (const name of ['hsplit', 'vsplit', 'dsplit'] as const)
  def([`${name}(Tensor input, int sections)`, `${name}(Tensor input, int[] indices)`], (b, i) =>
    tuple(sx.directionalSplit(name, T(b.input), i === 0 ? toInt(b.sections) : toShape(b.indices))),
  );
def(['diff(Tensor input, int n=1, int dim=-1, Tensor? prepend=None, Tensor? append=None, *, Tensor out=None)'], (b) =>
  sx.diff(T(b.input), toInt(b.n), toInt(b.dim), b.prepend as Tensor | null, b.append as Tensor | null),
);
def(['stride(Tensor self)', 'stride(Tensor self, int dim)'], (b, i) => {
  const x = T(b.self);
  return i === 0 ? new PyTuple(x.strides.slice()) : x.strides[ops.wrapDim(toInt(b.dim), x.shape.length)];
}, method(['stride(Tensor self)', 'stride(Tensor self, int dim)']));

// ---- indexed fills and adds -----------------------------------------------------------------
def(['masked_fill_(Tensor self, Tensor mask, Tensor value)', 'masked_fill_(Tensor self, Tensor mask, Scalar value)'], (b) =>
  inplace(T(b.self), (s) => ops.maskedFill(s, T(b.mask), toScalar(b.value))),
  method(['masked_fill_(Tensor self, Tensor mask, Tensor value)', 'masked_fill_(Tensor self, Tensor mask, Scalar value)']),
);
const indexAdd = (b: Record<string, PyValue>, self: Tensor) => {
  const src = T(b.source);
  return ops.indexAdd(self, toInt(b.dim), T(b.index), b.alpha === 1 ? src : ops.mul(src, toScalar(b.alpha)));
};
def(['index_add(Tensor input, int dim, Tensor index, Tensor source, *, Scalar alpha=1, Tensor out=None)'], (b) => indexAdd(b, T(b.input)));
def(['index_add_(Tensor self, int dim, Tensor index, Tensor source, *, Scalar alpha=1)'], (b) => inplace(T(b.self), (s) => indexAdd(b, s)),
  method(['index_add_(Tensor self, int dim, Tensor index, Tensor source, *, Scalar alpha=1)']),
);
const fillValue = (v: PyValue): number => {
  if (v instanceof Tensor && v.shape.length !== 0) {
    throw runtimeError(`index_fill_ only supports a 0-dimensional value tensor, but got tensor with ${v.shape.length} dimension(s).`);
  }
  return ops.scalarValue(toScalar(v));
};
def(['index_fill(Tensor input, int dim, Tensor index, Tensor value)', 'index_fill(Tensor input, int dim, Tensor index, Scalar value)'], (b) =>
  sx.indexFill(T(b.input), toInt(b.dim), T(b.index), fillValue(b.value)),
);
def(['index_fill_(Tensor self, int dim, Tensor index, Tensor value)', 'index_fill_(Tensor self, int dim, Tensor index, Scalar value)'], (b) =>
  inplace(T(b.self), (s) => sx.indexFill(s, toInt(b.dim), T(b.index), fillValue(b.value))),
  method(['index_fill_(Tensor self, int dim, Tensor index, Tensor value)', 'index_fill_(Tensor self, int dim, Tensor index, Scalar value)']),
);

// ---- element-wise math (each with its in-place method) --------------------------------------
function binary(name: string, f: (a: Tensor, b: Tensor) => Tensor, aliases: string[] = []): void {
  def([`${name}(Tensor input, Tensor other, *, Tensor out=None)`], (b) => f(T(b.input), T(b.other)), { aliases });
  def([`${name}_(Tensor input, Tensor other)`], (b) => inplace(T(b.input), (s) => f(s, T(b.other))), {
    only: 'method',
    aliases: aliases.map((a) => `${a}_`),
  });
}
binary('atan2', mx.atan2, ['arctan2']);
binary('hypot', mx.hypot);
binary('fmax', mx.fmax);
binary('fmin', mx.fmin);
def(['logaddexp(Tensor input, Tensor other, *, Tensor out=None)'], (b) => mx.logaddexp(T(b.input), T(b.other)));
def(['logaddexp2(Tensor input, Tensor other, *, Tensor out=None)'], (b) => mx.logaddexp2(T(b.input), T(b.other)));
def(
  [
    'xlogy(Tensor input, Tensor other, *, Tensor out=None)',
    'xlogy(Scalar self, Tensor other, *, Tensor out=None)',
    'xlogy(Tensor input, Scalar other, *, Tensor out=None)',
  ],
  (b) => mx.xlogy(TS(b.input ?? b.self), TS(b.other)),
  { methodSigs: ['xlogy(Tensor self, Tensor other)', 'xlogy(Tensor self, Scalar other)'] },
);
def(['xlogy_(Tensor self, Tensor other)', 'xlogy_(Tensor self, Scalar other)'], (b) => inplace(T(b.self), (s) => mx.xlogy(s, TS(b.other))),
  method(['xlogy_(Tensor self, Tensor other)', 'xlogy_(Tensor self, Scalar other)']),
);
def(['lerp(Tensor input, Tensor end, Scalar weight, *, Tensor out=None)', 'lerp(Tensor input, Tensor end, Tensor weight, *, Tensor out=None)'], (b) =>
  mx.lerp(T(b.input), T(b.end), TS(b.weight)),
);
def(['lerp_(Tensor self, Tensor end, Scalar weight)', 'lerp_(Tensor self, Tensor end, Tensor weight)'], (b) =>
  inplace(T(b.self), (s) => mx.lerp(s, T(b.end), TS(b.weight))),
  method(['lerp_(Tensor self, Tensor end, Scalar weight)', 'lerp_(Tensor self, Tensor end, Tensor weight)']),
);
def(
  [
    'float_power(Tensor input, Tensor exponent, *, Tensor out=None)',
    'float_power(Scalar self, Tensor exponent, *, Tensor out=None)',
    'float_power(Tensor input, Scalar exponent, *, Tensor out=None)',
  ],
  (b) => mx.floatPower(TS(b.input ?? b.self), TS(b.exponent)),
  { methodSigs: ['float_power(Tensor self, Tensor exponent)', 'float_power(Tensor self, Scalar exponent)'] },
);
for (const [name, f] of [['sgn', ops.sgn], ['sinc', mx.sinc], ['deg2rad', mx.deg2rad], ['rad2deg', mx.rad2deg]] as const) {
  def([`${name}(Tensor input, *, Tensor out=None)`], (b) => f(T(b.input)));
  def([`${name}_(Tensor input)`], (b) => inplace(T(b.input), f), { only: 'method' });
}
def(['signbit(Tensor input, *, Tensor out=None)'], (b) => mx.signbit(T(b.input)));
def(['logit(Tensor input, float? eps=None, *, Tensor out=None)'], (b) => mx.logit(T(b.input), b.eps === null ? null : toFloat(b.eps)));
def(['logit_(Tensor input, float? eps=None)'], (b) => inplace(T(b.input), (s) => mx.logit(s, b.eps === null ? null : toFloat(b.eps))), { only: 'method' });
def(['hardshrink(Tensor input, Scalar lambd=0.5, *, Tensor out=None)'], (b) => mx.hardshrink(T(b.input), toFloat(b.lambd)));

// ---- reductions -----------------------------------------------------------------------------
def(['nansum(Tensor input, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)'], (b) =>
  rx.nansum(T(b.input), toDims(b.dim), b.keepdim === true),
);
def(['nanmean(Tensor input, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)'], (b) =>
  rx.nanmean(T(b.input), toDims(b.dim), b.keepdim === true),
);
def(['logcumsumexp(Tensor input, int dim, *, Tensor out=None)'], (b) => rx.logcumsumexp(T(b.input), toInt(b.dim)));
def(['argwhere(Tensor input)'], (b) => rx.argwhere(T(b.input)));

// ---- products ------------------------------------------------------------------------------
def(['inner(Tensor input, Tensor other, *, Tensor out=None)'], (b) => lx.inner(T(b.input), T(b.other)));
def(['vdot(Tensor input, Tensor other, *, Tensor out=None)'], (b) => lx.vdot(T(b.input), T(b.other)));
def(['kron(Tensor input, Tensor other, *, Tensor out=None)'], (b) => lx.kron(T(b.input), T(b.other)));
def(['matrix_power(Tensor input, int n, *, Tensor out=None)'], (b) => lx.matrixPower(T(b.input), toInt(b.n)));

// ---- predicates and integer conversions -------------------------------------------------------
def(['is_complex(Tensor input)'], () => false);
def(['is_nonzero(Tensor input)'], (b) => {
  const x = T(b.input);
  const n = x.numel();
  if (n === 0) throw runtimeError('Boolean value of Tensor with no values is ambiguous');
  if (n > 1) throw runtimeError('Boolean value of Tensor with more than one value is ambiguous');
  return x.item() !== 0;
});
for (const [name, dt] of [['short', int16], ['byte', uint8], ['char', int8]] as const)
  def([`${name}(Tensor self, *, MemoryFormat? memory_format=None)`], (b) => ops.toDtype(T(b.self), dt), method([`${name}(Tensor self, *, MemoryFormat? memory_format=None)`]));

// trapezoid as ATen computes it: (dx * (y[1:] + y[:-1])).sum(dim) / 2 for spacing x, and
// (y.sum(dim) - (y[0] + y[-1]) * 0.5) * dx for a constant dx
function trapezoid(y: Tensor, x: Tensor | null, dx: number | null, dim: number): Tensor {
  const d = ops.wrapDim(dim, y.dim());
  const n = y.shape[d];
  if (x !== null) {
    let spacing = sx.diff(x, 1, x.dim() === 1 ? 0 : d, null, null);
    if (x.dim() === 1 && y.dim() > 1) spacing = ops.view(spacing, y.shape.map((_, i) => (i === d ? n - 1 : 1)));
    const ends = ops.add(ops.slice(y, d, 1, n, 1), ops.slice(y, d, 0, n - 1, 1));
    return ops.divScalar(ops.sum(ops.mul(spacing, ends), [d]), 2);
  }
  const h = dx ?? 1;
  const edges = ops.mulScalar(ops.add(ops.select(y, d, 0), ops.select(y, d, -1)), 0.5);
  return ops.mulScalar(ops.sub(ops.sum(y, [d]), edges), h);
}
def(['trapezoid(Tensor y, Tensor x, *, int dim=-1)', 'trapezoid(Tensor y, *, Scalar dx=1, int dim=-1)'], (b, o) =>
  trapezoid(T(b.y), o === 0 ? T(b.x) : null, o === 0 ? null : Number(toFloat(b.dx)), toInt(b.dim)), { only: 'fn', aliases: ['trapz'] });

// resize_ keeps the storage when it is big enough (the elements in row-major order), else
// grows it; PyTorch leaves grown elements uninitialised, here they are zeros
def(['resize_(Tensor self, SymInt[] size, *, MemoryFormat? memory_format=None)'], (b) => {
  const self = T(b.self);
  if (self.requiresGrad) throw runtimeError('cannot resize variables that require grad');
  const shape = toShape(b.size);
  const n = shape.reduce((a, c) => a * c, 1);
  const src = self.toFlatArray();
  if (n > self.data.length - self.offset || !self.isContiguous()) {
    const data = self.dtype.alloc(n);
    for (let i = 0; i < Math.min(n, src.length); i++) data[i] = src[i];
    self.data = data;
    self.offset = 0;
  }
  self.shape = shape;
  self.strides = contiguousStrides(shape);
  self.version.v++;
  return self;
}, { only: 'method', methodSigs: ['resize_(Tensor self, SymInt[] size, *, MemoryFormat? memory_format=None)'] });
