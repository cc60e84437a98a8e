/** The `torch.linalg` module: det, inv, solve, norm, vector_norm, matrix_norm. */
import * as ops from '../ops/index.js';
import { linalgCross } from '../ops/distance_misc.js';
import { runtimeError } from '../tensor/errors.js';
import { excClass } from '../python/types.js';
import type { Tensor } from '../tensor/tensor.js';
import { PyFloat, type PyValue } from '../python/values.js';
import { type Entry, torchFunction } from './functions.js';
import { toDims, toFloat, toShape } from './pyconv.js';
import { type Bound, parseSignature } from './signature.js';

const T = (v: PyValue) => v as Tensor;

function entry(sigs: string[], impl: (b: Bound, overload: number) => PyValue): Entry {
  return { name: sigs[0].slice(0, sigs[0].indexOf('(')), sigs: sigs.map((s) => parseSignature(s)), impl, selfParam: 'input' };
}

const ordOf = (v: PyValue): number => (v instanceof PyFloat ? v.v : toFloat(v));

/** matrix_norm for ord 'fro', +-1, +-inf (2, -2 and 'nuc' need an SVD, not available). */
export function matrixNorm(A: Tensor, ord: number | string, dim: number[], keepdim: boolean): Tensor {
  if (A.shape.length < 2) throw runtimeError('linalg.matrix_norm: The input tensor A must have at least 2 dimensions.');
  if (ord === 'fro') return ops.vectorNorm(A, 2, dim, keepdim);
  if (typeof ord === 'string' || Math.abs(ord) === 2) throw runtimeError(`linalg.matrix_norm: ord=${ord} needs a singular value decomposition, which gradviz does not implement`);
  if (ord !== 1 && ord !== -1 && Math.abs(ord) !== Infinity) throw runtimeError(`linalg.matrix_norm: Order ${ord} not supported.`);
  const nd = A.shape.length;
  let [d0, d1] = dim.map((d) => ops.wrapDim(d, nd));
  // ATen: the 1-norm of each column (inf: of each row), then the max (min for negative ord)
  if (Math.abs(ord) === Infinity) [d0, d1] = [d1, d0];
  if (!keepdim && d0 < d1) d1--;
  const sums = ops.vectorNorm(A, 1, [d0], keepdim);
  return ord > 0 ? ops.amax(sums, [d1], keepdim) : ops.amin(sums, [d1], keepdim);
}

function linalgNorm(b: Bound, overload: number): Tensor {
  const x = T(b.input);
  const dim = toDims(b.dim);
  const keepdim = b.keepdim === true;
  const dims = dim === null ? null : typeof dim === 'number' ? [dim] : dim;
  if (overload === 1) return matrixNorm(x, b.ord as string, dims ?? [-2, -1], keepdim);
  if (b.ord === null) {
    if (dims !== null && dims.length === 2) return matrixNorm(x, 'fro', dims, keepdim);
    return ops.vectorNorm(x, 2, dims, keepdim);
  }
  const ord = ordOf(b.ord);
  if (dims === null) {
    if (x.shape.length !== 1 && x.shape.length !== 2) {
      throw runtimeError(`linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got ${x.shape.length}D.`);
    }
    return x.shape.length === 1 ? ops.vectorNorm(x, ord, null, keepdim) : matrixNorm(x, ord, [-2, -1], keepdim);
  }
  return dims.length === 1 ? ops.vectorNorm(x, ord, dims, keepdim) : matrixNorm(x, ord, dims, keepdim);
}

export function linalgModule(): Record<string, PyValue> {
  const entries = [
    entry(['linalg_det(Tensor input)'], (b) => ops.det(T(b.input))),
    entry(['linalg_inv(Tensor input)'], (b) => ops.inv(T(b.input))),
    entry(['linalg_cross(Tensor input, Tensor other, *, int dim=-1)'], (b) => linalgCross(T(b.input), T(b.other), b.dim as number)),
    entry(['linalg_solve(Tensor input, Tensor B, *, bool left=True)'], (b) => {
      if (b.left === false) throw runtimeError('linalg.solve: left=False is not supported by gradviz');
      return ops.solve(T(b.input), T(b.B));
    }),
    entry(['linalg_vector_norm(Tensor input, Scalar ord=2, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)'], (b) =>
      ops.vectorNorm(T(b.input), ordOf(b.ord), toDims(b.dim), b.keepdim === true),
    ),
    entry(
      [
        'linalg_matrix_norm(Tensor input, Scalar ord, int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)',
        "linalg_matrix_norm(Tensor input, str ord='fro', int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)",
      ],
      (b, i) => matrixNorm(T(b.input), i === 0 ? ordOf(b.ord) : (b.ord as string), b.dim === null ? [-2, -1] : toShape(b.dim), b.keepdim === true),
    ),
    entry(
      [
        'linalg_norm(Tensor input, Scalar? ord=None, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)',
        'linalg_norm(Tensor input, str ord, int[1]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)',
      ],
      linalgNorm,
    ),
  ];
  const out: Record<string, PyValue> = {};
  for (const e of entries) out[e.name.slice('linalg_'.length)] = torchFunction(e);
  out.LinAlgError = excClass('_LinAlgError');
  return out;
}
