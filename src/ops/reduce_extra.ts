/** nansum / nanmean, logcumsumexp and argwhere (PyTorch 1.13's compositions and nodes). */
import { withGradMode } from '../autograd/grad_mode.js';
import { bool, int64 } from '../tensor/dtype.js';
import { runtimeError } from '../tensor/errors.js';
import { contiguousStrides, numelOf, wrapDim } from '../tensor/shape.js';
import { Tensor, contiguousData } from '../tensor/tensor.js';
import { div, mul, neg } from './arith.js';
import { fromFlat } from './creation.js';
import { flip } from './join.js';
import { mapUnary } from './kernels.js';
import { type Dims, cumsum, reduceDims, sum } from './reduce.js';
import { backwardFn, needsGrad, record } from './registry.js';
import { exp } from './unary.js';
import { expand, unsqueeze } from './views.js';

const notNan = (x: Tensor) => mapUnary(x, bool, (v) => (v === v ? 1 : 0));
const zeroNans = (x: Tensor) => mapUnary(x, x.dtype, (v) => (v === v ? v : 0));

/** The reduced gradient broadcast back over the input's shape. */
function expandBack(g: Tensor, shape: readonly number[], dims: readonly number[], keepdim: boolean): Tensor {
  let r = g;
  if (!keepdim) for (const d of [...dims].sort((a, b) => a - b)) r = unsqueeze(r, d);
  return expand(r, shape);
}

const nansumFn = backwardFn('NansumBackward0', (n, [g]) => {
  const [dims, keepdim] = n.ctx as [number[], boolean];
  const x = n.unpack(0);
  return [mul(expandBack(g!, x.shape, dims, keepdim), notNan(x))];
});

/** nansum: the sum with NaNs read as 0 (NansumBackward0: no gradient to the NaNs). */
export function nansum(x: Tensor, dim: Dims, keepdim = false): Tensor {
  const dims = reduceDims(x, dim);
  const out = withGradMode(false, () => sum(x.dtype.isFloating ? zeroNans(x) : x, dim ?? null, keepdim));
  if (needsGrad(x)) record(out, nansumFn, [x], [dims, keepdim]).save(x);
  return out;
}

/** nanmean: nansum / (number of non-NaN values), as ATen writes it (DivBackward0 over NansumBackward0). */
export function nanmean(x: Tensor, dim: Dims, keepdim = false): Tensor {
  if (!x.dtype.isFloating) {
    throw runtimeError(`nanmean(): expected input to have floating point dtype but got ${x.dtype.scalarName}`);
  }
  const count = withGradMode(false, () => sum(notNan(x), dim ?? null, keepdim));
  return div(nansum(x, dim, keepdim), count);
}

const logcumsumexpFn = backwardFn('LogcumsumexpBackward0', (n, [g]) => {
  const d = n.ctx as number;
  const x = n.unpack(0);
  const r = n.unpack(1);
  // d r_j / d x_i = exp(x_i - r_j) for j >= i: a reversed cumulative sum
  return [mul(exp(x), flip(cumsum(flip(mul(g!, exp(neg(r))), [d]), d), [d]))];
});

/** logcumsumexp(dim): running log(sum(exp)) along dim, each step a stable log-add-exp. */
export function logcumsumexp(x: Tensor, dim: number): Tensor {
  const dtype = x.dtype;
  if (!dtype.isFloating) throw runtimeError(`"logcumsumexp_out_cpu" not implemented for '${x.dtype.scalarName}'`);
  const nd = x.shape.length;
  const d = nd === 0 ? 0 : wrapDim(dim, nd);
  const shape = x.shape;
  const src = contiguousData(x);
  const out = dtype.alloc(src.length);
  const size = nd === 0 ? 1 : shape[d];
  const inner = nd === 0 ? 1 : numelOf(shape.slice(d + 1));
  const outer = src.length / Math.max(size * inner, 1);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      let acc = -Infinity;
      for (let k = 0; k < size; k++) {
        const at = (o * size + k) * inner + i;
        const v = src[at];
        const lo = Math.min(acc, v);
        const hi = Math.max(acc, v);
        acc = lo === hi && !Number.isFinite(hi) ? lo + hi : hi + Math.log1p(Math.exp(lo - hi));
        out[at] = acc;
        acc = out[at]; // the stored (rounded) value feeds the next step
      }
    }
  const r = new Tensor(out, shape.slice(), contiguousStrides(shape), 0, dtype);
  if (needsGrad(x)) {
    const node = record(r, logcumsumexpFn, [x], d);
    node.save(x);
    node.save(r, 0);
  }
  return r;
}

/** argwhere: the coordinates of nonzero elements, one row each (int64, no history). */
export function argwhere(x: Tensor): Tensor {
  const data = contiguousData(x);
  const nd = x.shape.length;
  const strides = contiguousStrides(x.shape);
  const coords: number[] = [];
  let rows = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0) continue;
    rows++;
    let rem = i;
    for (let k = 0; k < nd; k++) {
      coords.push(Math.floor(rem / strides[k]));
      rem %= strides[k];
    }
  }
  return fromFlat(coords, [rows, nd], int64);
}
