/**
 * clamp_min / clamp_max: clamp's values with their own nodes (ClampMinBackward0 /
 * ClampMaxBackward0), as PyTorch 1.13 records them instead of ClampBackward1.
 */
import { withGradMode } from '../autograd/grad_mode.js';
import { bool } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { mul } from './arith.js';
import { mapUnary } from './kernels.js';
import { backwardFn, needsGrad, record } from './registry.js';
import { type Scalar, scalarValue } from './scalar.js';
import { clamp } from './select.js';

const boundFn = (name: string, key: 'min' | 'max', keep: (v: number, bound: number) => boolean) =>
  backwardFn(
    name,
    (n, [g]) => {
      const bound = n.ctx as number;
      return [mul(g!, mapUnary(n.unpack(0), bool, (v) => (keep(v, bound) ? 1 : 0)))];
    },
    (n) => ({ [key]: { float: n.ctx as number } }),
  );
const clampMinFn = boundFn('ClampMinBackward0', 'min', (v, b) => v >= b);
const clampMaxFn = boundFn('ClampMaxBackward0', 'max', (v, b) => v <= b);

function bounded(x: Tensor, bound: Scalar, isMin: boolean): Tensor {
  const out = withGradMode(false, () => (isMin ? clamp(x, bound, null) : clamp(x, null, bound)));
  if (needsGrad(x)) record(out, isMin ? clampMinFn : clampMaxFn, [x], scalarValue(bound)).save(x);
  return out;
}

export const clampMin = (x: Tensor, min: Scalar): Tensor => bounded(x, min, true);
export const clampMax = (x: Tensor, max: Scalar): Tensor => bounded(x, max, false);
