/**
 * The operator catalogue (see README.md in this folder for the API overview).
 * Importing this module also installs the ops the autograd engine needs.
 */
import { installEngineOps } from '../autograd/engine.js';
import { bool, float16 } from '../tensor/dtype.js';
import { sameShape } from '../tensor/shape.js';
import { type Tensor, contiguousData } from '../tensor/tensor.js';
import { add } from './arith.js';
import { copyWithGraph, rawCopy } from './convert.js';
import { onesLike, zerosLike } from './creation.js';
import { hooks } from './registry.js';
import { mapBinary } from './kernels.js';
import { copyInto } from './views.js';

export * from './arith.js';
export * from './unary.js';
export * from './select.js';
export * from './reduce.js';
export * from './linalg.js';
export * from './views.js';
export * from './join.js';
export * from './convert.js';
export * from './creation.js';
export * from './scalar.js';
export * from './inplace.js';
export * from './indexing.js';
export * from './loss.js';
export * from './sort.js';
export * from './diag.js';
export * from './gather.js';
export * from './linalg_extra.js';
export * from './nonzero.js';
export * from './random_ops.js';
export * from './clamp_bound.js';
/** Shape helpers the Python face needs next to the ops. */
export { broadcastShapes, sizeRepr, wrapDim } from '../tensor/shape.js';

hooks.add = add;
hooks.zerosLike = (t: Tensor) => zerosLike(t);

installEngineOps({
  add: (a: Tensor, b: Tensor) => add(a, b),
  onesLike: (t: Tensor) => onesLike(t),
  detachedClone: rawCopy,
  copyWithGraph,
  addInto(a: Tensor, b: Tensor) {
    // the usual `.grad += g` of a float tensor: sum straight into its storage
    if (a.dtype === b.dtype && a.dtype !== float16 && a.dtype !== bool && a.data !== b.data && sameShape(a.shape, b.shape) && a.isContiguous()) {
      const ad = a.data;
      const bd = contiguousData(b);
      const o = a.offset;
      for (let i = 0; i < bd.length; i++) ad[o + i] += bd[i];
    } else copyInto(a, mapBinary(a, b, a.dtype, (x, y) => x + y));
    a.version.v++;
  },
});
