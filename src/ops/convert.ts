/** Copies and dtype conversion: clone, contiguous, detach, to(dtype). */
import type { DType } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { castData } from './kernels.js';
import { backwardFn, hooks, needsGrad, record } from './registry.js';
import { linearTangent } from '../autograd/forward_ad.js';
import { Node, setHistory } from '../autograd/node.js';

const cloneFn = backwardFn('CloneBackward0', (_n, [g]) => [g!]);
const toCopyFn = backwardFn('ToCopyBackward0', (n, [g]) => [toDtype(g!, n.ctx as DType)]);
const copyBackwards = backwardFn('CopyBackwards', (n, [g]) => [null, toDtype(g!, n.ctx as DType)]);

/** A contiguous copy without autograd history. */
export const rawCopy = (x: Tensor): Tensor => castData(x, x.dtype);

export function clone(x: Tensor): Tensor {
  const out = rawCopy(x);
  if (needsGrad(x)) record(out, cloneFn, [x]);
  linearTangent(out, x, clone);
  return out;
}

/** x itself when contiguous, else a copy (CloneBackward0, as PyTorch's contiguous()). */
export const contiguous = (x: Tensor): Tensor => (x.isContiguous() ? x : clone(x));

/** Shares storage and version counter; no history. */
export function detach(x: Tensor): Tensor {
  return new Tensor(x.data, x.shape, x.strides, x.offset, x.dtype, x.version);
}

/** x.to(dtype) / .float() / .double() / .long(): x itself when already that dtype. */
export function toDtype(x: Tensor, dtype: DType): Tensor {
  if (x.dtype === dtype) return x;
  const out = castData(x, dtype);
  if (needsGrad(x) && dtype.isFloating) record(out, toCopyFn, [x], x.dtype);
  if (dtype.isFloating) linearTangent(out, x, (t) => toDtype(t, dtype));
  return out;
}

/**
 * What AccumulateGrad stores under create_graph: new_empty_strided(...).copy_(grad), i.e.
 * a CopyBackwards node whose first input (the empty tensor) has no history.
 */
export function copyWithGraph(g: Tensor): Tensor {
  const out = rawCopy(g);
  if (needsGrad(g)) {
    const node = new Node(copyBackwards, [null, g]);
    node.ctx = g.dtype;
    setHistory(out, node);
  }
  return out;
}

hooks.toDtype = toDtype;
