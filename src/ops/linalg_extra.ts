/**
 * torch.linalg: det (LinalgDetBackward0), inv (LinalgInvExBackward0), solve
 * (LinalgSolveExBackward0), vector_norm (LinalgVectorNormBackward0). Factorisations run
 * the reference LAPACK steps (lapack.ts) on the layout PyTorch hands LAPACK: a contiguous
 * A is factorised as A^T (PyTorch's copy-saving trick), which changes float32 rounding.
 */
import { type DType, type Storage, float32 } from '../tensor/dtype.js';
import { PyError, runtimeError } from '../tensor/errors.js';
import { numelOf } from '../tensor/shape.js';
import { type Tensor, contiguousData } from '../tensor/tensor.js';
import { abs, sign } from './unary.js';
import { div, mul, neg, pow } from './arith.js';
import { make, reduceBlocks } from './kernels.js';
import { matmul } from './linalg.js';
import { type LU, luFactor, luSolve } from './lapack.js';
import { type Dims, reduceDims, sum } from './reduce.js';
import { backwardFn, needsGrad, needsGrad2, record } from './registry.js';
import { eq, where } from './select.js';
import { transpose, unsqueeze } from './views.js';

function checkSquare(fn: string, A: Tensor): number {
  if (A.shape.length < 2) throw runtimeError(`${fn}: The input tensor A must have at least 2 dimensions.`);
  if (!A.dtype.isFloating) throw runtimeError(`${fn}: Expected a floating point or complex tensor as input. Got ${A.dtype.scalarName}`);
  const n = A.shape[A.shape.length - 1];
  const m = A.shape[A.shape.length - 2];
  if (m !== n) throw runtimeError(`${fn}: A must be batches of square matrices, but they are ${m} by ${n} matrices`);
  return n;
}

/** The LU of each matrix of the batch, as LAPACK receives it; `transposed`: A^T was factorised. */
function factorBatch(A: Tensor, n: number): { lus: LU[]; transposed: boolean } {
  const transposed = A.isContiguous();
  const data = contiguousData(A);
  const lus: LU[] = [];
  for (let b = 0; b * n * n < data.length; b++) {
    const m = A.dtype === float32 ? new Float32Array(n * n) : new Float64Array(n * n);
    // row-major A read as column-major is A^T
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[transposed ? i * n + j : i + j * n] = data[b * n * n + i * n + j];
    lus.push(luFactor(m, n));
  }
  return { lus, transposed };
}

const mT = (t: Tensor) => transpose(t, -2, -1);

const detFn = backwardFn('LinalgDetBackward0', (n, [g]) => {
  const A = n.unpack(0);
  const det = n.unpack(1);
  // d det / dA = det * A^{-T}
  return [mul(unsqueeze(unsqueeze(mul(g!, det), -1), -1), mT(inv(A)))];
});

/** torch.linalg.det / torch.det. */
export function det(A: Tensor): Tensor {
  const n = checkSquare('linalg.det', A);
  const { lus } = factorBatch(A, n);
  const round = A.dtype === float32 ? Math.fround : (v: number) => v;
  const out = A.dtype.alloc(lus.length);
  lus.forEach(({ lu, piv }, b) => {
    let d = 1;
    let swaps = 0;
    for (let i = 0; i < n; i++) {
      d = round(d * lu[i + i * n]);
      if (piv[i] !== i) swaps++;
    }
    out[b] = swaps % 2 ? -d : d;
  });
  const r = make(out, A.shape.slice(0, -2), A.dtype);
  if (needsGrad(A)) {
    const node = record(r, detFn, [A]);
    node.save(A);
    node.save(r, 0);
  }
  return r;
}

/** X with op(A) X = B for each matrix of the batch; B: [..., n, k] row-major values. */
function solveBatch(fn: string, A: Tensor, n: number, B: ArrayLike<number>, k: number, dtype: DType): Storage {
  const { lus, transposed } = factorBatch(A, n);
  const out = dtype.alloc(lus.length * n * k);
  lus.forEach((lu, b) => {
    if (lu.info > 0) {
      // torch.linalg.LinAlgError (a RuntimeError); batched inputs name the failing matrix
      const batch = A.shape.length > 2 ? `(Batch element ${b}): ` : '';
      throw new PyError(
        '_LinAlgError',
        fn === 'linalg.inv'
          ? `linalg.inv: ${batch}The diagonal element ${lu.info} is zero, the inversion could not be completed because the input matrix is singular.`
          : `torch.linalg.solve: ${batch}The solver failed because the input matrix is singular.`,
      );
    }
    const rhs = dtype === float32 ? new Float32Array(n * k) : new Float64Array(n * k);
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) rhs[i + j * n] = B[b * n * k + i * k + j];
    luSolve(lu, rhs, n, k, transposed);
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[b * n * k + i * k + j] = rhs[i + j * n];
  });
  return out;
}

const invFn = backwardFn('LinalgInvExBackward0', (n, [g]) => {
  const invH = mT(n.unpack(0));
  return [neg(matmul(invH, matmul(g!, invH)))];
});

/** torch.linalg.inv / torch.inverse: solve(A, I) as PyTorch's linalg_inv_ex does. */
export function inv(A: Tensor): Tensor {
  const n = checkSquare('linalg.inv', A);
  const batch = numelOf(A.shape) / (n * n);
  const eye = new Float64Array(batch * n * n);
  for (let b = 0; b < batch; b++) for (let i = 0; i < n; i++) eye[b * n * n + i * n + i] = 1;
  const out = make(solveBatch('linalg.inv', A, n, eye, n, A.dtype), A.shape.slice(), A.dtype);
  if (needsGrad(A)) record(out, invFn, [A]).save(out, 0);
  return out;
}

const solveFn = backwardFn('LinalgSolveExBackward0', (n, [g]) => {
  const A = n.unpack(0);
  const X = n.unpack(1);
  const vector = n.ctx as boolean;
  const gB = solve(mT(A), g!);
  const gA = vector ? neg(matmul(unsqueeze(gB, -1), unsqueeze(X, -2))) : neg(matmul(gB, mT(X)));
  return [n.next[0] ? gA : null, n.next[1] ? gB : null];
});

/** torch.linalg.solve(A, B): B a vector (n) or matrices (..., n, k). */
export function solve(A: Tensor, B: Tensor): Tensor {
  const n = checkSquare('linalg.solve', A);
  const vector = B.shape.length === 1 || (B.shape.length === A.shape.length - 1 && B.shape[B.shape.length - 1] === n);
  const k = vector ? 1 : B.shape[B.shape.length - 1];
  const dtype = A.dtype;
  const Bdata = contiguousData(B);
  const out = make(solveBatch('linalg.solve', A, n, Bdata, k, dtype), B.shape.slice(), dtype);
  if (needsGrad2(A, B)) {
    const node = record(out, solveFn, [A, B], vector);
    node.save(A);
    node.save(out, 0);
  }
  return out;
}

/**
 * ATen's vectorised 2-norm over a contiguous last dim: 8 float32 lanes of squares, the lanes
 * summed in order, then the tail; sqrt in float32.
 */
function twoNormF32(d: ArrayLike<number>, s: number, c: number): number {
  const lanes = new Float32Array(8);
  let i = 0;
  for (; i + 8 <= c; i += 8) for (let l = 0; l < 8; l++) lanes[l] += Math.fround(d[s + i + l] * d[s + i + l]);
  let acc = lanes[0];
  for (let l = 1; l < 8; l++) acc = Math.fround(acc + lanes[l]);
  for (; i < c; i++) acc = Math.fround(acc + Math.fround(d[s + i] * d[s + i]));
  return Math.fround(Math.sqrt(acc));
}

function normBlock(ord: number, f32Fast: boolean) {
  return (d: ArrayLike<number>, s: number, c: number): number => {
    if (ord === 2 && f32Fast) return twoNormF32(d, s, c);
    let acc = ord === -Infinity ? Infinity : 0;
    for (let i = s; i < s + c; i++) {
      const a = Math.abs(d[i]);
      if (ord === Infinity) acc = a > acc || a !== a ? a : acc;
      else if (ord === -Infinity) acc = a < acc || a !== a ? a : acc;
      else if (ord === 0) acc += a !== 0 ? 1 : 0;
      else if (ord === 1) acc += a;
      else if (ord === 2) acc += a * a;
      else acc += Math.pow(a, ord);
    }
    if (ord === 2) return Math.sqrt(acc);
    if (ord === 0 || ord === 1 || !Number.isFinite(ord)) return acc;
    return Math.pow(acc, 1 / ord);
  };
}

const vectorNormFn = backwardFn('LinalgVectorNormBackward0', (n, [g]) => {
  const x = n.unpack(0);
  const norm = n.unpack(1);
  const [ord, dims, keepdim] = n.ctx as [number, number[], boolean];
  const back = (t: Tensor) => {
    let r = t;
    if (!keepdim && x.shape.length > 0) for (const d of dims) r = unsqueeze(r, d);
    return r;
  };
  const gk = back(g!);
  const nk = back(norm);
  // ATen's norm_backward, branch by branch (ord 0: no gradient at all, x.grad stays None)
  if (ord === 0) return [null];
  if (ord === 1) return [mul(sign(x), gk)];
  if (ord === 2) return [mul(x, where(eq(nk, 0), 0, div(gk, nk)))];
  if (!Number.isFinite(ord)) {
    const mask = eq(abs(x), nk);
    return [mul(sign(x), mul(div(gk, sum(mask, dims, true)), mask))];
  }
  if (ord < 1) return [mul(mul(mul(sign(x), where(eq(x, 0), 0, pow(abs(x), ord - 1))), gk), pow(nk, 1 - ord))];
  const scaled = ord < 2 ? mul(sign(x), pow(abs(x), ord - 1)) : mul(x, pow(abs(x), ord - 2));
  return [mul(scaled, where(eq(nk, 0), 0, div(gk, pow(nk, ord - 1))))];
}, (n) => {
  const [ord, dims, keepdim] = n.ctx as [number, number[], boolean];
  return { dim: dims, keepdim, ord: { float: ord } };
});

/** torch.linalg.vector_norm(x, ord, dim, keepdim). */
export function vectorNorm(x: Tensor, ord = 2, dim?: Dims, keepdim = false): Tensor {
  if (!x.dtype.isFloating) throw runtimeError(`linalg.vector_norm: Expected a floating point or complex tensor as input. Got ${x.dtype.scalarName}`);
  const dims = reduceDims(x, dim);
  const lastDimOnly = dims.length === x.shape.length || (dims.length === 1 && dims[0] === x.shape.length - 1);
  const out = reduceBlocks(x, dims, keepdim, x.dtype, normBlock(ord, x.dtype === float32 && lastDimOnly));
  if (needsGrad(x)) {
    const node = record(out, vectorNormFn, [x], [ord, dims, keepdim]);
    node.save(x);
    node.save(out, 0);
  }
  return out;
}

