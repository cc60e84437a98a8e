/**
 * torch.cross / linalg.cross, dist, cdist, nan_to_num and logspace as PyTorch 1.13 computes
 * them (one node each: LinalgCrossBackward0, DistBackward0, CdistBackward0, NanToNumBackward0).
 */
import { type DType, defaultFloat, float32 } from '../tensor/dtype.js';
import { indexError, runtimeError } from '../tensor/errors.js';
import { broadcastShapes } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { withGradMode } from '../autograd/grad_mode.js';
import { div, mul, pow, sub } from './arith.js';
import { fromFlat } from './creation.js';
import { expandTo, make, mapUnary } from './kernels.js';
import { matmul } from './linalg.js';
import { norm, sum } from './reduce.js';
import { backwardFn, needsGrad, needsGrad2, record, reduceGradTo } from './registry.js';
import { eq, isfinite, where } from './select.js';
import { abs, sign } from './unary.js';
import { transpose } from './views.js';
import { contiguousData } from '../tensor/tensor.js';

const roundOf = (d: DType) => (d === float32 ? Math.fround : (x: number) => x);

// ---- cross -----------------------------------------------------------------------------------
const crossFn = backwardFn('LinalgCrossBackward0', (n, [g]) => {
  const c = n.ctx as { dim: number; shapes: number[][]; dtypes: DType[] };
  return [
    n.next[0] ? reduceGradTo(linalgCross(n.unpack(1), g!, c.dim), c.shapes[0], c.dtypes[0]) : null,
    n.next[1] ? reduceGradTo(linalgCross(g!, n.unpack(0), c.dim), c.shapes[1], c.dtypes[1]) : null,
  ];
}, (n) => ({ dim: (n.ctx as { dim: number }).dim }));

/** linalg.cross(a, b, dim=-1): broadcast, then r = (a1 b2 - a2 b1, a2 b0 - a0 b2, a0 b1 - a1 b0) in scalar_t. */
export function linalgCross(a: Tensor, b: Tensor, dim = -1): Tensor {
  if (a.shape.length !== b.shape.length) throw runtimeError('linalg.cross: inputs must have the same number of dimensions.');
  if (a.dtype !== b.dtype) throw runtimeError(`expected scalar type ${a.dtype.scalarName} but found ${b.dtype.scalarName}`);
  const nd = a.shape.length;
  if (dim < -nd || dim >= nd) throw indexError(`Dimension out of range (expected to be in range of [${-nd}, ${nd - 1}], but got ${dim})`);
  const d = dim < 0 ? dim + nd : dim;
  if (a.shape[d] !== 3 || b.shape[d] !== 3) throw runtimeError(`linalg.cross: inputs dimension ${dim} must have length 3. Got ${a.shape[d]} and ${b.shape[d]}`);
  const shape = broadcastShapes(a.shape, b.shape);
  const ad = contiguousData(expandTo(a, shape));
  const bd = contiguousData(expandTo(b, shape));
  const r = a.dtype.isFloating ? roundOf(a.dtype) : Math.trunc;
  const out = make(a.dtype.alloc(ad.length), shape, a.dtype);
  const inner = shape.slice(d + 1).reduce((x, y) => x * y, 1);
  const outer = ad.length / (3 * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const p0 = o * 3 * inner + i;
      const p1 = p0 + inner;
      const p2 = p1 + inner;
      // a*b - c*d with the first product fused into the subtraction (FMA), as the compiled kernel does
      out.data[p0] = r(ad[p1] * bd[p2] - r(ad[p2] * bd[p1]));
      out.data[p1] = r(ad[p2] * bd[p0] - r(ad[p0] * bd[p2]));
      out.data[p2] = r(ad[p0] * bd[p1] - r(ad[p1] * bd[p0]));
    }
  }
  if (needsGrad2(a, b)) {
    const node = record(out, crossFn, [a, b], { dim, shapes: [a.shape, b.shape], dtypes: [a.dtype, b.dtype] });
    node.save(b.requiresGrad ? a : null);
    node.save(a.requiresGrad ? b : null);
  }
  return out;
}

/** torch.cross without dim: the first dimension of size 3 (1.13's deprecated default). */
export function cross(a: Tensor, b: Tensor, dim: number | null): Tensor {
  if (dim === null) {
    const d = a.shape.indexOf(3);
    if (d < 0) throw runtimeError('no dimension of size 3 in input');
    return linalgCross(a, b, d);
  }
  return linalgCross(a, b, dim);
}

// ---- dist ------------------------------------------------------------------------------------
/** norm_backward of derivatives.yaml for a finite p >= 1 (0 where the norm is 0). */
function normBackward(g: Tensor, diff: Tensor, p: number, result: Tensor): Tensor {
  if (p === 1) return mul(sign(diff), g);
  if (p === 2) return mul(diff, where(eq(result, 0), 0, div(g, result)));
  const scale = where(eq(result, 0), 0, div(g, pow(result, p - 1)));
  return mul(mul(diff, pow(abs(diff), p - 2)), scale);
}

const distFn = backwardFn('DistBackward0', (n, [g]) => {
  const c = n.ctx as { p: number; shapes: number[][]; dtypes: DType[] };
  const gd = normBackward(g!, sub(n.unpack(0), n.unpack(1)), c.p, n.unpack(2));
  return [
    n.next[0] ? reduceGradTo(gd, c.shapes[0], c.dtypes[0]) : null,
    n.next[1] ? reduceGradTo(mul(gd, -1), c.shapes[1], c.dtypes[1]) : null,
  ];
}, (n) => ({ p: { float: (n.ctx as { p: number }).p } }));

/** torch.dist(a, b, p) = norm(a - b, p), recorded as one DistBackward0. */
export function dist(a: Tensor, b: Tensor, p = 2): Tensor {
  const diff = withGradMode(false, () => sub(a, b));
  if (!diff.dtype.isFloating) throw runtimeError(`norm(): input dtype should be either floating point or complex. Got ${diff.dtype.scalarName} instead.`);
  const out = withGradMode(false, () => norm(diff, p));
  if (needsGrad2(a, b)) {
    if (p !== 1 && p !== 2 && !(Number.isFinite(p) && p > 1)) throw runtimeError(`dist: gradients for p=${p} are not supported by gradviz`);
    const node = record(out, distFn, [a, b], { p, shapes: [a.shape, b.shape], dtypes: [a.dtype, b.dtype] });
    node.save(a);
    node.save(b);
    node.save(out, 0);
  }
  return out;
}

// ---- cdist -----------------------------------------------------------------------------------
const cdistFn = backwardFn('CdistBackward0', (n, [g]) => {
  const x1 = n.unpack(0);
  const x2 = n.unpack(1);
  const d = n.unpack(2);
  const p = n.ctx as number;
  // grad wrt x1[i] = sum_j g[i,j] * (x1[i] - x2[j]) / d[i,j] (p = 2; 0 where d is 0)
  if (p !== 2) throw runtimeError(`cdist: gradients for p=${p} are not supported by gradviz`);
  const ratio = where(eq(d, 0), 0, div(g!, d));
  const tr = (x: Tensor) => transpose(x, -1, -2);
  return [
    n.next[0] ? sub(mul(x1, sum(ratio, -1, true)), matmul(ratio, x2)) : null,
    n.next[1] ? sub(mul(x2, sum(tr(ratio), -1, true)), matmul(tr(ratio), x1)) : null,
  ];
}, (n) => ({ p: { float: n.ctx as number } }));

/**
 * torch.cdist for inputs of at most 25 rows (PyTorch switches to a matmul formula above
 * that for p=2): ATen's scalar loop, sum of map(|a - b|) then finish.
 */
export function cdist(x1: Tensor, x2: Tensor, p = 2): Tensor {
  if (x1.shape.length < 2) throw runtimeError(`cdist only supports at least 2D tensors, X1 got: ${x1.shape.length}D`);
  if (x2.shape.length < 2) throw runtimeError(`cdist only supports at least 2D tensors, X2 got: ${x2.shape.length}D`);
  if (!x1.dtype.isFloating) throw runtimeError(`cdist only supports floating-point dtypes, X1 got: ${x1.dtype.scalarName}`);
  if (!x2.dtype.isFloating) throw runtimeError(`cdist only supports floating-point dtypes, X2 got: ${x2.dtype.scalarName}`);
  const m = x1.shape[x1.shape.length - 1];
  if (x2.shape[x2.shape.length - 1] !== m) throw runtimeError(`X1 and X2 must have the same number of columns. X1: ${m} X2: ${x2.shape[x2.shape.length - 1]}`);
  if (!(p >= 0)) throw runtimeError('cdist only supports non-negative p values');
  const r1 = x1.shape[x1.shape.length - 2];
  const r2 = x2.shape[x2.shape.length - 2];
  if (p === 2 && (r1 > 25 || r2 > 25)) throw runtimeError('cdist: more than 25 rows (PyTorch\'s matmul formula) is not supported by gradviz');
  const batch = broadcastShapes(x1.shape.slice(0, -2), x2.shape.slice(0, -2));
  const a = contiguousData(expandTo(x1, [...batch, r1, m]));
  const b = contiguousData(expandTo(x2, [...batch, r2, m]));
  const B = batch.reduce((x, y) => x * y, 1);
  const dtype = x1.dtype;
  const r = roundOf(dtype);
  const out = new Float64Array(B * r1 * r2);
  for (let l = 0; l < B; l++) {
    for (let i = 0; i < r1; i++) {
      for (let j = 0; j < r2; j++) {
        let agg = 0;
        for (let x = 0; x < m; x++) {
          const diff = Math.abs(r(a[(l * r1 + i) * m + x] - b[(l * r2 + j) * m + x]));
          if (p === 2) agg = r(agg + r(diff * diff));
          else if (p === 1) agg = r(agg + diff);
          else if (p === 0) agg = r(agg + Math.min(Math.ceil(diff), 1));
          else if (p === Infinity) agg = Math.max(agg, diff);
          else agg = r(agg + r(diff ** p));
        }
        out[(l * r1 + i) * r2 + j] = p === 2 ? r(Math.sqrt(agg)) : p === 0 || p === 1 || p === Infinity ? agg : r(agg ** (1 / p));
      }
    }
  }
  const res = fromFlat(out, [...batch, r1, r2], dtype);
  if (needsGrad2(x1, x2)) {
    const node = record(res, cdistFn, [x1, x2], p);
    node.save(x1);
    node.save(x2);
    node.save(res, 0);
  }
  return res;
}

// ---- nan_to_num ------------------------------------------------------------------------------
const nanToNumFn = backwardFn('NanToNumBackward0', (n, [g]) => [mul(g!, isfinite(n.unpack(0)))]);

/** nan -> nan (default 0), +inf -> posinf (default: the dtype's max), -inf -> neginf, in the dtype. */
export function nanToNum(x: Tensor, nan: number | null, posinf: number | null, neginf: number | null): Tensor {
  if (!x.dtype.isFloating) return mapUnary(x, x.dtype, (v) => v);
  const big = x.dtype === float32 ? 3.4028234663852886e38 : x.dtype.itemsize === 2 ? 65504 : Number.MAX_VALUE;
  const r = roundOf(x.dtype);
  const rn = r(nan ?? 0);
  const rp = r(posinf ?? big);
  const rm = r(neginf ?? -big);
  const out = mapUnary(x, x.dtype, (v) => (v !== v ? rn : v === Infinity ? rp : v === -Infinity ? rm : v));
  if (needsGrad(x)) record(out, nanToNumFn, [x]).save(x);
  return out;
}

// ---- logspace --------------------------------------------------------------------------------
/** ATen's logspace kernel: pow(base, start + step*i) for the first half, pow(base, end - step*(steps-1-i)) after. */
export function logspace(start: number, end: number, steps: number, base: number, dtype: DType = defaultFloat): Tensor {
  if (steps < 0) throw runtimeError('number of steps must be non-negative');
  const vals = new Float64Array(steps);
  const isInt = !dtype.isFloating;
  // start/end converted to scalar_t first; integer dtypes use a float base
  const cv = isInt ? Math.trunc : roundOf(dtype);
  const s = cv(start);
  const e = cv(end);
  const b = isInt ? Math.fround(base) : base;
  if (steps === 1) vals[0] = base ** start;
  else if (steps > 1) {
    const step = (e - s) / (steps - 1);
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) vals[i] = i < half ? b ** (s + step * i) : b ** (e - step * (steps - i - 1));
  }
  if (isInt) for (let i = 0; i < steps; i++) vals[i] = Math.trunc(vals[i]);
  return fromFlat(vals, [steps], dtype);
}
