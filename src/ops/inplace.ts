/**
 * In-place ops: the out-of-place op runs on a snapshot that carries self's history
 * (PyTorch's original_self), the values are written back into self, the version counter
 * is bumped, and self (or, for a view, its base through CopySlices) takes the new node.
 */
import { gradMode } from '../autograd/grad_mode.js';
import { Node, SavedTensor, installViewRefresher, setHistory } from '../autograd/node.js';
import { runtimeError } from '../tensor/errors.js';
import { broadcastShapes, sameShape, shapeList } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { add, div, mul, sub } from './arith.js';
import { rawCopy } from './convert.js';
import { full, zeros, zerosLike } from './creation.js';
import { castData } from './kernels.js';
import { backwardFn, needsGrad, record, reduceGrad } from './registry.js';
import { type Scalar, type TensorOrScalar, asTensor, scalarValue } from './scalar.js';
import { clamp } from './select.js';
import { aliasOf, copyInto } from './views.js';

function checkInplace(self: Tensor): void {
  if (!gradMode.enabled) return;
  if (self.gradFn === null && self.requiresGrad) throw runtimeError('a leaf Variable that requires grad is being used in an in-place operation.');
  const base = self.base;
  if (base !== null && base.gradFn === null && base.requiresGrad) {
    throw runtimeError('a view of a leaf Variable that requires grad is being used in an in-place operation.');
  }
}

/** A copy of self's values that keeps self's autograd identity (the op's saved "self"). */
function snapshot(self: Tensor): Tensor {
  const s = rawCopy(self);
  s.requiresGrad = self.requiresGrad;
  s.gradFn = self.gradFn;
  s.outputNr = self.outputNr;
  s.accumulator = self.accumulator;
  return s;
}

/** Run `compute` (an out-of-place op) and make its result self's new value and history. */
export function inplace(self: Tensor, compute: (src: Tensor) => Tensor): Tensor {
  checkInplace(self);
  const src = gradMode.enabled ? snapshot(self) : self;
  const r = compute(src);
  if (!sameShape(r.shape, self.shape)) {
    throw runtimeError(`output with shape ${shapeList(self.shape)} doesn't match the broadcast shape ${shapeList(r.shape)}`);
  }
  if (!self.dtype.isFloating && r.dtype.isFloating) {
    throw runtimeError(`result type ${r.dtype.scalarName} can't be cast to the desired output type ${self.dtype.scalarName}`);
  }
  copyInto(self, r.dtype === self.dtype ? r : castData(r, self.dtype));
  self.version.v++;
  if (r.gradFn !== null) rebaseHistory(self, r.gradFn);
  return self;
}

function rebaseHistory(self: Tensor, node: Node): void {
  // the node saved its temporary output: it is self now
  if (node.saved !== null) {
    node.saved = node.saved.map((s) => (s !== null && s.outputNr >= 0 ? new SavedTensor(self, self.version.v, s.outputNr) : s));
  }
  const base = self.base;
  if (base === null) {
    setHistory(self, node);
    return;
  }
  const geometry = { shape: self.shape, strides: self.strides, offset: self.offset - base.offset, fnNode: node };
  const slices = new Node(copySlicesFn, [base]);
  slices.next = [slices.next[0], ...node.next.slice(1)];
  slices.nextNr = [slices.nextNr[0], ...node.nextNr.slice(1)];
  slices.ctx = geometry;
  slices.inner = node;
  setHistory(base, slices);
  setHistory(self, asStridedOf(self, base));
}

/** self as an as_strided view of base, over base's current history (AsStridedBackward0). */
function asStridedOf(self: Tensor, base: Tensor): Node {
  const strided = new Node(asStridedFn, [base]);
  strided.ctx = { shape: self.shape, strides: self.strides, offset: self.offset - base.offset, baseShape: base.shape, dtype: base.dtype };
  return strided;
}

installViewRefresher((view) => {
  if (view.base!.requiresGrad) setHistory(view, asStridedOf(view, view.base!));
});

const copySlicesFn = backwardFn('CopySlices', (n, [g]) => {
  const { shape, strides, offset, fnNode } = n.ctx as { shape: number[]; strides: number[]; offset: number; fnNode: Node };
  const result = rawCopy(g!);
  const gradSlice = aliasOf(result, shape, strides, offset);
  const res = fnNode.fn.apply(fnNode, [rawCopy(gradSlice)]);
  const first = res[0];
  if (first === null || first === undefined) copyInto(gradSlice, zeros(shape, result.dtype));
  else copyInto(gradSlice, first);
  return [result, ...res.slice(1)];
});

const asStridedFn = backwardFn('AsStridedBackward0', (n, [g]) => {
  const { shape, strides, offset, baseShape, dtype } = n.ctx as {
    shape: number[];
    strides: number[];
    offset: number;
    baseShape: number[];
    dtype: Tensor['dtype'];
  };
  const z = zeros(baseShape, dtype);
  copyInto(aliasOf(z, shape, strides, offset), g!);
  return [z];
});

/**
 * In-place arithmetic into a tensor whose elements share memory (an expand) is refused, as
 * TensorIterator's assert_no_internal_overlap does (fill_, zero_ and setitem allow it).
 */
function computed(self: Tensor, compute: (src: Tensor) => Tensor): Tensor {
  for (let d = 0; d < self.shape.length; d++) {
    if (self.strides[d] === 0 && self.shape[d] > 1)
      throw runtimeError(
        'unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.',
      );
  }
  return inplace(self, compute);
}

export const add_ = (self: Tensor, other: TensorOrScalar): Tensor => computed(self, (s) => add(s, other));
export const sub_ = (self: Tensor, other: TensorOrScalar): Tensor => computed(self, (s) => sub(s, other));
export const mul_ = (self: Tensor, other: TensorOrScalar): Tensor => computed(self, (s) => mul(s, other));
export const div_ = (self: Tensor, other: TensorOrScalar): Tensor => computed(self, (s) => div(s, other));
export const clamp_ = (self: Tensor, min: Scalar | null, max: Scalar | null): Tensor => computed(self, (s) => clamp(s, min, max));
/** Any unary op in place: exp_, neg_, relu_, ... */
export const unary_ = (self: Tensor, op: (x: Tensor) => Tensor): Tensor => computed(self, op);

const zeroFn = backwardFn('ZeroBackward0', (_n, [g]) => [zerosLike(g!)]);
const fillFn = backwardFn('FillBackward2', (_n, [g]) => [zerosLike(g!)]);

function filled(src: Tensor, value: number, fn: ReturnType<typeof backwardFn>): Tensor {
  const out = full(src.shape, value, src.dtype);
  if (needsGrad(src)) record(out, fn, [src]);
  return out;
}

export function zero_(self: Tensor): Tensor {
  // nothing to record (`x.grad.zero_()`): clear the storage itself, no temporary tensors
  if (!self.requiresGrad && self.isContiguous()) {
    checkInplace(self);
    self.data.fill(0, self.offset, self.offset + self.numel());
    self.version.v++;
    return self;
  }
  return inplace(self, (s) => filled(s, 0, zeroFn));
}
export const fill_ = (self: Tensor, value: Scalar): Tensor => inplace(self, (s) => filled(s, scalarValue(value), fillFn));

const copyFn = backwardFn('CopyBackwards', (n, [g]) => [n.next[0] ? zerosLike(g!) : null, n.next[1] ? reduceGrad(g!, n.ctx as Tensor) : null]);

/** self.copy_(src): src broadcast to self's shape, converted to self's dtype. */
export function copy_(self: Tensor, value: TensorOrScalar): Tensor {
  const v = asTensor(value);
  broadcastShapes(self.shape, v.shape); // copy_ reports a mismatch as broadcasting does
  return inplace(self, (s) => {
    const out = rawCopy(s);
    copyInto(out, v.dtype === s.dtype ? v : castData(v, s.dtype));
    if (gradMode.enabled && (s.requiresGrad || v.requiresGrad)) record(out, copyFn, [s, v], v);
    return out;
  });
}
