/**
 * torch.Tensor as the interpreter sees it: the PyType on the engine's Tensor class.
 * Operators follow PyTorch's dunders (`1 - x` is rsub, `2 / x` reciprocal * 2, `2 ** x`
 * PowBackward1); attributes and methods resolve through tables only.
 */
import * as ops from '../ops/index.js';
import { add_, sub_, mul_, div_, unary_ } from '../ops/inplace.js';
import { getitem, setitem, type IndexKey } from '../ops/indexing.js';
import { readGrad, registerHook, retainGrad, setRequiresGrad, tensorBackward } from '../autograd/tensor_api.js';
import { gradFnOf } from '../autograd/node.js';
import { bool, dtypes, type DType } from '../tensor/dtype.js';
import { PyError, runtimeError, typeError, valueError } from '../tensor/errors.js';
import { formatTensor } from '../tensor/print.js';
import { wrapDim } from '../tensor/shape.js';
import { Tensor, VersionCounter } from '../tensor/tensor.js';
import { BuiltinFunction, ELLIPSIS, PyClass, PyRange, PySlice } from '../python/objects.js';
import { objectClass } from '../python/types.js';
import { objectId } from '../python/text.js';
import { formatValue } from '../python/str-methods.js';
import { type BinOp, type Kwargs, NotImplemented, PyList, PyTuple, type PyValue, definePyType, hostServices, pyTypeName } from '../python/values.js';
import { dtypeObject } from './dtype_object.js';
import { boundMethod, tensorMethods } from './functions.js';
import { gradFnObject } from './grad_fn.js';
import { isPyScalar, pyScalarOf, tensorItem, tensorToList, toDtype, toInt } from './pyconv.js';
import { TorchSize } from './size.js';
import { runContext } from './run_context.js';
import { bindOverloads, parseSignature } from './signature.js';
import { tensorFromPy } from './creation.js';
import { ndarrayFromTensor } from './numpy.js';
import { CPU, deviceArg } from './device.js';

export const tensorClass = new PyClass('Tensor', [objectClass]);
tensorClass.module = 'torch';

export function tensorRepr(t: Tensor): string {
  const tangent = t.tangent === null ? null : tensorRepr(t.tangent);
  return formatTensor(t.toFlatArray(), t.shape, t.dtype, { gradFn: gradFnOf(t)?.fn.name ?? null, requiresGrad: t.requiresGrad, tangent });
}

type Operand = Tensor | ops.Scalar;
const operand = (v: PyValue): Operand | undefined => (v instanceof Tensor || isPyScalar(v) ? (v as Operand) : undefined);

function binary(self: Tensor, op: BinOp, o: Operand, reflected: boolean): PyValue {
  switch (op) {
    case '+':
      return ops.add(self, o);
    case '-':
      return reflected ? ops.rsub(self, o) : ops.sub(self, o);
    case '*':
      return ops.mul(self, o);
    case '/':
      return reflected ? ops.rdiv(self, o as ops.Scalar) : ops.div(self, o);
    case '**':
      return reflected ? ops.pow(o, self) : ops.pow(self, o);
    case '//':
      return reflected ? ops.floorDivide(o, self) : ops.floorDivide(self, o);
    case '%':
      return reflected ? ops.remainder(o, self) : ops.remainder(self, o);
    case '@':
      if (!(o instanceof Tensor)) return NotImplemented;
      return reflected ? ops.matmul(o, self) : ops.matmul(self, o);
    case '&':
    case '|':
    case '^': {
      if (self.dtype !== bool || (o instanceof Tensor && o.dtype !== bool)) return NotImplemented;
      const f = op === '&' ? ops.logicalAnd : op === '|' ? ops.logicalOr : ops.logicalXor;
      return f(self, o);
    }
  }
  return NotImplemented;
}

/** A Python subscript as the engine's index keys. */
function indexKeys(key: PyValue): IndexKey[] {
  const one = (k: PyValue): IndexKey => {
    if (k === null) return null;
    if (k === ELLIPSIS) return 'ellipsis';
    if (typeof k === 'number' || typeof k === 'bigint') return Number(k);
    if (typeof k === 'boolean') return tensorFromPy(k);
    if (k instanceof PySlice) {
      const n = (v: PyValue) => (v === null ? null : toInt(v));
      return { start: n(k.start), stop: n(k.stop), step: n(k.step) };
    }
    if (k instanceof Tensor) {
      if (k.dim() === 0 && !k.dtype.isFloating && k.dtype !== bool) return k.item();
      return k;
    }
    if (k instanceof PyList) return tensorFromPy(k);
    // a range is a sequence of ints: it indexes like the list of them
    if (k instanceof PyRange) return tensorFromPy(new PyList(Array.from({ length: k.length }, (_, i) => k.start + i * k.step)));
    throw new PyError(
      'IndexError',
      'only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got ' + pyTypeName(k) + ')',
    );
  };
  return key instanceof PyTuple ? key.items.map(one) : [one(key)];
}

function oneElement(self: Tensor): number {
  if (self.numel() !== 1) throw valueError('only one element tensors can be converted to Python scalars');
  return self.item();
}

/** Extra attributes a program sets on a tensor (`t.name = 'w'`): tensors have a __dict__. */
const extraAttrs = new WeakMap<Tensor, Map<string, PyValue>>();

const toSig = parseSignature('to(Tensor self, ScalarType dtype, bool non_blocking=False, bool copy=False)', { method: true });
const toDeviceSig = parseSignature('to(Tensor self, Device? device=None, ScalarType? dtype=None, bool non_blocking=False, bool copy=False)', { method: true });
const toOtherSig = parseSignature('to(Tensor self, Tensor other, bool non_blocking=False, bool copy=False)', { method: true });
const backwardSig = parseSignature('backward(Tensor self, Tensor? gradient=None, bool? retain_graph=None, bool create_graph=False, PyObject inputs=None)', {
  method: true,
});

function castTo(self: Tensor, dtype: DType | undefined, copy: boolean): Tensor {
  const out = dtype ? ops.toDtype(self, dtype) : self;
  return copy && out === self ? ops.clone(self) : out;
}

/** Methods that are not plain operations (no torch.X twin, or with Python-level behaviour). */
const SPECIAL: Record<string, (self: Tensor, args: PyValue[], kwargs: Kwargs | null) => PyValue> = {
  item: (self) => tensorItem(self),
  tolist: (self) => tensorToList(self),
  numpy: (self) => ndarrayFromTensor(self),
  dim: (self) => self.dim(),
  ndimension: (self) => self.dim(),
  numel: (self) => self.numel(),
  nelement: (self) => self.numel(),
  element_size: (self) => self.elementSize(),
  is_contiguous: (self) => self.isContiguous(),
  is_floating_point: (self) => self.dtype.isFloating,
  cpu: (self) => self,
  cuda: () => deviceArg('cuda'),
  size(self, args) {
    if (args.length === 0) return new TorchSize(self.shape);
    return self.shape[wrapDim(toInt(args[0]), self.shape.length)];
  },
  backward(self, args, kwargs) {
    runContext.lastBackwardRoot = self;
    const { bound } = bindOverloads([backwardSig], args, kwargs);
    const inputs = bound.inputs;
    tensorBackward(self, bound.gradient as Tensor | null, {
      retainGraph: bound.retain_graph === null ? undefined : (bound.retain_graph as boolean),
      createGraph: bound.create_graph === true,
      inputs: inputs === null ? undefined : inputs instanceof Tensor ? [inputs] : ([...hostServices().iterate(inputs)] as Tensor[]),
    });
    return null;
  },
  detach_(self) {
    if (self.base !== null && self.gradFn !== null) throw runtimeError("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.");
    self.gradFn = null;
    self.requiresGrad = false;
    return self;
  },
  requires_grad_(self, args, kwargs) {
    const flag = args.length > 0 ? args[0] : kwargs?.has('requires_grad') ? kwargs.get('requires_grad') : true;
    return setRequiresGrad(self, flag === true);
  },
  retain_grad(self) {
    retainGrad(self);
    return null;
  },
  register_hook(self, args) {
    const fn = args[0];
    const handle = registerHook(self, (g) => {
      const r = hostServices().call(fn, [g]);
      return r instanceof Tensor ? r : undefined;
    });
    return new RemovableHandle(handle);
  },
  to(self, args, kwargs) {
    const { index, bound } = bindOverloads([toSig, toDeviceSig, toOtherSig], args, kwargs);
    const dtype = index === 2 ? (bound.other as Tensor).dtype : toDtype(bound.dtype);
    return castTo(self, dtype, bound.copy === true);
  },
  type(self, args, kwargs) {
    const t = args[0] ?? kwargs?.get('dtype');
    if (t === undefined || t === null) return self.dtype.legacyName;
    const dt = toDtype(t) ?? legacyDtype(t);
    if (!dt) throw valueError(`invalid type: '${hostServices().str(t)}'`);
    return castTo(self, dt, false);
  },
  new_zeros: (self, args) => ops.zeros(newShape(args), self.dtype),
  new_ones: (self, args) => ops.ones(newShape(args), self.dtype),
  new_full: (self, args) => ops.full(newShape([args[0]]), ops.scalarValue(args[1] as ops.Scalar), self.dtype),
  new_tensor: (self, args) => tensorFromPy(args[0], self.dtype),
};

const newShape = (args: PyValue[]): number[] =>
  args.length === 1 && (args[0] instanceof PyTuple || args[0] instanceof PyList || args[0] instanceof TorchSize)
    ? [...hostServices().iterate(args[0])].map(toInt)
    : args.map(toInt);

function legacyDtype(t: PyValue): DType | undefined {
  if (typeof t !== 'string') return undefined;
  for (const d of Object.values(dtypes)) if (d.legacyName === t) return d;
  return undefined;
}

class RemovableHandle {
  constructor(readonly handle: { remove(): void }) {}
}
definePyType<RemovableHandle>(RemovableHandle, {
  name: 'RemovableHandle',
  module: 'torch.utils.hooks',
  getattr: (self, name) => (name === 'remove' ? () => (self.handle.remove(), null) : undefined),
});

function attribute(self: Tensor, name: string): PyValue | undefined {
  switch (name) {
    case 'shape':
      return new TorchSize(self.shape);
    case 'dtype':
      return dtypeObject(self.dtype);
    case 'requires_grad':
      return self.requiresGrad;
    case 'grad':
      return readGrad(self);
    case 'grad_fn':
      return gradFnObject(gradFnOf(self));
    case 'is_leaf':
      return self.isLeaf;
    case 'retains_grad':
      return self.retainsGrad;
    case 'data':
      return dataOf(self);
    case 'T':
      return ops.T(self);
    case 'mT':
      return ops.transpose(self, -2, -1);
    case 'ndim':
      return self.dim();
    case 'device':
      return CPU;
    case 'is_cuda':
      return false;
    case 'itemsize':
      return self.elementSize();
    case '_version':
      return self.version.v;
    case '_base':
      return self.base;
  }
  const special = SPECIAL[name];
  if (special) return new BuiltinFunction(name, (args, kwargs) => special(self, args, kwargs), self);
  const entry = tensorMethods.get(name);
  if (entry) return boundMethod(entry, self);
  return extraAttrs.get(self)?.get(name);
}

/** `t.data`: the same storage without history (its own version counter, as in PyTorch). */
function dataOf(self: Tensor): Tensor {
  return new Tensor(self.data, self.shape, self.strides, self.offset, self.dtype, new VersionCounter());
}

function setAttribute(self: Tensor, name: string, value: PyValue): boolean {
  switch (name) {
    case 'requires_grad':
      if (typeof value !== 'boolean') throw typeError('requires_grad must be a bool');
      setRequiresGrad(self, value);
      return true;
    case 'grad':
      if (value !== null && !(value instanceof Tensor)) throw typeError(`assigned grad expected to be a Tensor or None but got grad of type ${pyTypeName(value)}`);
      if (value instanceof Tensor && value.dtype !== self.dtype) throw runtimeError('assigned grad has data of a different type');
      if (value instanceof Tensor && (value.shape.length !== self.shape.length || value.shape.some((s, i) => s !== self.shape[i])))
        throw runtimeError('assigned grad has data of a different size');
      self.grad = value;
      return true;
    case 'data': {
      if (!(value instanceof Tensor)) throw typeError(`Variable data has to be a tensor, but got ${pyTypeName(value)}`);
      self.data = value.data;
      self.shape = value.shape;
      self.strides = value.strides;
      self.offset = value.offset;
      self.dtype = value.dtype;
      return true;
    }
    case 'shape':
    case 'dtype':
    case 'grad_fn':
    case 'is_leaf':
    case 'ndim':
    case 'T':
      return false;
  }
  let m = extraAttrs.get(self);
  if (!m) extraAttrs.set(self, (m = new Map()));
  m.set(name, value);
  return true;
}

const INPLACE: Partial<Record<BinOp, (s: Tensor, o: Operand) => Tensor>> = {
  '+': add_,
  '-': sub_,
  '*': mul_,
  '/': div_,
  '**': (s, o) => unary_(s, (x) => ops.pow(x, o)),
  '//': (s, o) => unary_(s, (x) => ops.floorDivide(x, o)),
  '%': (s, o) => unary_(s, (x) => ops.remainder(x, o)),
};

definePyType<Tensor>(Tensor, {
  name: 'Tensor',
  module: 'torch',
  pyClass: tensorClass,
  getattr: attribute,
  setattr: setAttribute,
  binop(self, op, other, reflected) {
    const o = operand(other);
    return o === undefined ? NotImplemented : binary(self, op, o, reflected);
  },
  inplace(self, op, other) {
    const o = operand(other);
    const f = INPLACE[op];
    return o === undefined || !f ? NotImplemented : f(self, o);
  },
  compare(self, op, other) {
    const o = operand(other);
    if (o === undefined) return NotImplemented;
    switch (op) {
      case '==':
        return ops.eq(self, o);
      case '!=':
        return ops.ne(self, o);
      case '<':
        return ops.lt(self, o);
      case '<=':
        return ops.le(self, o);
      case '>':
        return ops.gt(self, o);
      case '>=':
        return ops.ge(self, o);
    }
  },
  unary(self, op) {
    switch (op) {
      case '-':
        return ops.neg(self);
      case '+':
        return self;
      case 'abs':
        return ops.abs(self);
      case '~':
        if (self.dtype === bool) return ops.logicalNot(self);
        if (self.dtype.isFloating) throw typeError('~ (operator.invert) is only implemented on integer and Boolean-type tensors');
        return ops.sub(ops.neg(self), 1);
    }
  },
  getitem: (self, key) => getitem(self, indexKeys(key)),
  setitem(self, key, value) {
    const v = value instanceof Tensor || isPyScalar(value) ? (value as Operand) : tensorFromPy(value, self.dtype);
    setitem(self, indexKeys(key), v);
  },
  len(self) {
    if (self.dim() === 0) throw typeError('len() of a 0-d tensor');
    return self.shape[0];
  },
  iter(self) {
    if (self.dim() === 0) throw typeError('iteration over a 0-d tensor');
    return ops.unbind(self, 0)[Symbol.iterator]();
  },
  contains(self, item) {
    const o = operand(item);
    if (o === undefined) throw runtimeError(`Tensor.__contains__ only supports Tensor or scalar, but you passed in a ${pyTypeName(item)}.`);
    return ops.eq(self, o).toFlatArray().some((v) => v !== 0);
  },
  bool(self) {
    const n = self.numel();
    if (n === 0) throw runtimeError('Boolean value of Tensor with no values is ambiguous');
    if (n > 1) throw runtimeError('Boolean value of Tensor with more than one value is ambiguous');
    return self.item() !== 0;
  },
  float: (self) => oneElement(self),
  int(self) {
    const v = oneElement(self);
    if (!Number.isFinite(v)) throw valueError(v !== v ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
    return Math.trunc(v);
  },
  index(self) {
    if (self.numel() !== 1 || self.dtype.isFloating) throw typeError('only integer tensors of a single element can be converted to an index');
    return self.item();
  },
  hash: (self) => objectId(self),
  repr: tensorRepr,
  str: tensorRepr,
  format(self, spec) {
    if (self.dim() === 0) return formatValue(pyScalarOf(self.item(), self.dtype), spec);
    if (spec !== '') throw typeError('unsupported format string passed to Tensor.__format__');
    return tensorRepr(self);
  },
});

