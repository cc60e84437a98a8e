/**
 * beta * self + alpha * (product) ops: addmm, addmv, addr, addbmm, baddbmm, with the
 * rounding order of the BLAS routines PyTorch 1.13 (Debian's reference BLAS) calls, so
 * float32 results match bit for bit; plus addcmul/addcdiv. Each records one node with
 * derivatives.yaml's formulas (maybe_multiply: a factor of 1 records no Mul node).
 */
import { type DType, float32 } from '../tensor/dtype.js';
import { runtimeError } from '../tensor/errors.js';
import { resultType } from '../tensor/promote.js';
import { Tensor } from '../tensor/tensor.js';
import { withGradMode } from '../autograd/grad_mode.js';
import { div, mul, neg } from './arith.js';
import { castData, expandTo, make, mapTernary } from './kernels.js';
import { bmm, mm, mv, outer } from './linalg.js';
import { type Scalar, scalarValue } from './scalar.js';
import { backwardFn, needsGradAny, record, reduceGradTo } from './registry.js';
import { expand, t, transpose, unsqueeze } from './views.js';

type Round = (x: number) => number;
const ident: Round = (x) => x;
const roundOf = (d: DType): Round => (d === float32 ? Math.fround : d.isFloating ? ident : Math.trunc);
/** maybe_multiply of derivatives.yaml. */
const scaled = (g: Tensor, s: number): Tensor => (s === 1 ? g : mul(g, s));

/** A matrix read in place through its strides. */
interface Mat {
  d: ArrayLike<number>;
  o: number;
  s0: number;
  s1: number;
}
const matOf = (x: Tensor, o = x.offset, s0 = x.strides[0], s1 = x.strides[1]): Mat => ({ d: x.data, o, s0, s1 });

/**
 * c[m,n] (holding self, already expanded) := beta*c + alpha*a@b, as ATen's addmm_impl_cpu_
 * hands it to sgemm. Column-major thinking: a row-major result is computed as c^T = b^T a^T,
 * so BLAS's "A" is b (a when n == 1: the result is then already column-major). An untransposed
 * BLAS A runs the axpy loop (c starts at beta*c, then += (alpha*B) * A term by term); a
 * transposed one runs dot products, added as alpha*dot + beta*c at the end.
 */
function gemmInto(c: Float64Array, co: number, a: Mat, b: Mat, m: number, k: number, n: number, alpha: number, beta: number, r: Round): void {
  const aRowMajorLike = !(a.s0 === 1 && a.s1 >= Math.max(1, m));
  const bRowMajor = b.s1 === 1 && b.s0 >= Math.max(1, n);
  const bColMajor = b.s0 === 1 && b.s1 >= Math.max(1, k);
  // which BLAS layout the matrix playing "A" ends in: transposed means the dot-product loop
  const dotLoop = n === 1 ? aRowMajorLike : !bRowMajor && bColMajor;
  const al = r(alpha);
  const be = r(beta);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const ci = co + i * n + j;
      if (dotLoop) {
        let acc = 0;
        for (let l = 0; l < k; l++) acc = r(acc + r(a.d[a.o + i * a.s0 + l * a.s1] * b.d[b.o + l * b.s0 + j * b.s1]));
        c[ci] = beta === 0 ? r(al * acc) : r(r(al * acc) + r(be * c[ci]));
      } else {
        let acc = beta === 0 ? 0 : beta === 1 ? c[ci] : r(be * c[ci]);
        for (let l = 0; l < k; l++) acc = r(acc + r(r(al * a.d[a.o + i * a.s0 + l * a.s1]) * b.d[b.o + l * b.s0 + j * b.s1]));
        c[ci] = acc;
      }
    }
  }
}

/** ATen's baddbmm kernel for small problems (rows*cols*k < 400): dots in scalar_t, then r*beta + alpha*dot. */
function smallBaddbmm(c: Float64Array, co: number, a: Mat, b: Mat, m: number, k: number, n: number, alpha: number, beta: number, r: Round): void {
  const al = r(alpha);
  const be = r(beta);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      // last bits differ from 1.13 in some elements (its compiled loop fuses some multiply-adds)
      for (let l = 0; l < k; l++) acc = r(acc + r(a.d[a.o + i * a.s0 + l * a.s1] * b.d[b.o + l * b.s0 + j * b.s1]));
      const ci = co + i * n + j;
      c[ci] = beta === 0 ? r(al * acc) : r(c[ci] * be + r(al * acc));
    }
  }
}

/** self expanded to `shape` and copied into a fresh float64 buffer (the BLAS C operand). */
function startFrom(self: Tensor, shape: number[]): Float64Array {
  const e = withGradMode(false, () => expand(self, shape));
  const c = new Float64Array(e.numel());
  const n = e.shape.length;
  const idx = new Array<number>(n).fill(0);
  for (let i = 0, o = e.offset; i < c.length; i++) {
    c[i] = e.data[o];
    for (let d = n - 1; d >= 0; d--) {
      o += e.strides[d];
      if (++idx[d] < e.shape[d]) break;
      o -= e.strides[d] * e.shape[d];
      idx[d] = 0;
    }
  }
  return c;
}

const finish = (c: Float64Array, shape: number[], dtype: DType): Tensor => {
  const out = make(dtype.alloc(c.length), shape, dtype);
  out.data.set(c);
  return out;
};

function checkMatDtypes(self: Tensor, a: Tensor, b: Tensor, n1: string, n2: string): void {
  if (a.dtype !== b.dtype) throw runtimeError(`${n1} and ${n2} must have the same dtype`);
  if (self.dtype !== b.dtype) throw runtimeError(`self and ${n2} must have the same dtype`);
}

// ---- addmm ---------------------------------------------------------------------------------
interface ABCtx {
  shape: number[];
  dtype: DType;
  alpha: number;
  beta: number;
}
/** _saved_alpha / _saved_beta as PyTorch shows them (floats when given as floats). */
const abAttrs = (n: { ctx: unknown }) => {
  const c = n.ctx as ABCtx;
  return { alpha: c.alpha, beta: c.beta };
};

const addmmFn = backwardFn('AddmmBackward0', (n, [g]) => {
  const c = n.ctx as ABCtx;
  return [
    n.next[0] ? reduceGradTo(scaled(g!, c.beta), c.shape, c.dtype) : null,
    n.next[1] ? scaled(mm(g!, t(n.unpack(1))), c.alpha) : null,
    n.next[2] ? scaled(mm(t(n.unpack(0)), g!), c.alpha) : null,
  ];
}, abAttrs);

function recordABC(out: Tensor, fn: ReturnType<typeof backwardFn>, self: Tensor, x: Tensor, y: Tensor, alpha: number, beta: number): void {
  if (!needsGradAny([self, x, y])) return;
  const ctx: ABCtx = { shape: self.shape, dtype: self.dtype, alpha, beta };
  const node = record(out, fn, [self, x, y], ctx);
  // each product input's formula needs the other one
  node.save(y.requiresGrad ? x : null);
  node.save(x.requiresGrad ? y : null);
}

export function addmm(self: Tensor, a: Tensor, b: Tensor, beta: Scalar = 1, alpha: Scalar = 1): Tensor {
  if (a.shape.length !== 2) throw runtimeError(`mat1 must be a matrix, got ${a.shape.length}-D tensor`);
  if (b.shape.length !== 2) throw runtimeError(`mat2 must be a matrix, got ${b.shape.length}-D tensor`);
  checkMatDtypes(self, a, b, 'mat1', 'mat2');
  const [m, k] = a.shape;
  if (b.shape[0] !== k) throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (${m}x${k} and ${b.shape[0]}x${b.shape[1]})`);
  const n = b.shape[1];
  const al = scalarValue(alpha);
  const be = scalarValue(beta);
  const c = startFrom(self, [m, n]);
  gemmInto(c, 0, matOf(a), matOf(b), m, k, n, al, be, roundOf(self.dtype));
  const out = finish(c, [m, n], self.dtype);
  recordABC(out, addmmFn, self, a, b, al, be);
  return out;
}

// ---- addmv ---------------------------------------------------------------------------------
const addmvFn = backwardFn('AddmvBackward0', (n, [g]) => {
  const c = n.ctx as ABCtx;
  return [
    n.next[0] ? reduceGradTo(scaled(g!, c.beta), c.shape, c.dtype) : null,
    n.next[1] ? scaled(outer(g!, n.unpack(1)), c.alpha) : null,
    n.next[2] ? scaled(mv(t(n.unpack(0)), g!), c.alpha) : null,
  ];
}, abAttrs);

/**
 * sgemv: a row-major matrix goes in as 'T' (y = beta*y first, then y += alpha*dot); a
 * column-major one as 'N' (y = beta*y, then y += (alpha*x[l]) * A[:, l] column by column).
 */
export function addmv(self: Tensor, mat: Tensor, vec: Tensor, beta: Scalar = 1, alpha: Scalar = 1): Tensor {
  if (mat.shape.length !== 2 || vec.shape.length !== 1) {
    throw runtimeError(`vector + matrix @ vector expected, got ${self.shape.length}, ${mat.shape.length}, ${vec.shape.length}`);
  }
  const [m, k] = mat.shape;
  if (vec.shape[0] !== k) throw runtimeError(`size mismatch, got ${m}, ${m}x${k},${vec.shape[0]}`);
  checkMatDtypes(self, mat, vec, 'mat', 'vec');
  const al = scalarValue(alpha);
  const be = scalarValue(beta);
  const r = roundOf(self.dtype);
  const c = startFrom(self, [m]);
  const colMajor = mat.strides[0] === 1 && mat.strides[1] >= Math.max(1, m) && !(mat.strides[1] === 1 && k === 1);
  const ra = r(al);
  const rb = r(be);
  const vs = vec.strides[0];
  for (let i = 0; i < m; i++) {
    let acc = be === 0 ? 0 : be === 1 ? c[i] : r(rb * c[i]);
    if (colMajor) {
      for (let l = 0; l < k; l++) acc = r(acc + r(r(ra * vec.data[vec.offset + l * vs]) * mat.data[mat.offset + i * mat.strides[0] + l * mat.strides[1]]));
    } else {
      let dot = 0;
      for (let l = 0; l < k; l++) dot = r(dot + r(mat.data[mat.offset + i * mat.strides[0] + l * mat.strides[1]] * vec.data[vec.offset + l * vs]));
      acc = r(acc + r(ra * dot));
    }
    c[i] = acc;
  }
  const out = finish(c, [m], self.dtype);
  recordABC(out, addmvFn, self, mat, vec, al, be);
  return out;
}

// ---- addr ----------------------------------------------------------------------------------
const addrFn = backwardFn('AddrBackward0', (n, [g]) => {
  const c = n.ctx as ABCtx;
  return [
    n.next[0] ? reduceGradTo(scaled(g!, c.beta), c.shape, c.dtype) : null,
    n.next[1] ? scaled(mv(g!, n.unpack(1)), c.alpha) : null,
    n.next[2] ? scaled(mv(t(g!), n.unpack(0)), c.alpha) : null,
  ];
}, abAttrs);

/** ATen's addr kernel, elementwise: beta*self + alpha*v1*v2 (alpha*v1*v2 when beta is 0). */
export function addr(self: Tensor, v1: Tensor, v2: Tensor, beta: Scalar = 1, alpha: Scalar = 1): Tensor {
  if (v1.shape.length !== 1) throw runtimeError(`addr: Expected 1-d argument vec1, but got ${v1.shape.length}-d`);
  if (v2.shape.length !== 1) throw runtimeError(`addr: Expected 1-d argument vec2, but got ${v2.shape.length}-d`);
  const dtype = resultType([self, v1, v2].map((x) => ({ dtype: x.dtype, dimCount: x.shape.length, wrapped: false })));
  if (!dtype.isFloating) {
    for (const [name, s] of [['beta', beta], ['alpha', alpha]] as const) {
      if (typeof s === 'object' && !(typeof s === 'bigint')) throw runtimeError(`For integral input tensors, argument ${name} must not be a floating point number.`);
    }
  }
  const shape = [v1.shape[0], v2.shape[0]];
  const selfE = withGradMode(false, () => expand(self, shape));
  const r = roundOf(dtype);
  const al = r(scalarValue(alpha));
  const be = r(scalarValue(beta));
  const col = expandTo(v1.shape.length ? t(unsqueeze(v1, 0)) : v1, shape);
  const row = expandTo(v2, shape);
  const out = withGradMode(false, () =>
    mapTernary(cast(selfE, dtype), cast(col, dtype), cast(row, dtype), dtype, be === 0 ? (_s, x, y) => r(r(al * x) * y) : (s, x, y) => r(r(be * s) + r(r(al * x) * y))),
  );
  recordABC(out, addrFn, self, v1, v2, scalarValue(alpha), scalarValue(beta));
  return out;
}

const cast = (x: Tensor, d: DType) => (x.dtype === d ? x : castData(x, d));


// ---- addbmm / baddbmm ----------------------------------------------------------------------
interface BCtx extends ABCtx {
  b1: number[];
  b2n: number;
}
const addbmmFn = backwardFn('AddbmmBackward0', (n, [g]) => {
  const c = n.ctx as BCtx;
  const ge = () => expand(unsqueeze(g!, 0), [c.b1[0], c.b1[1], c.b2n]);
  return [
    n.next[0] ? reduceGradTo(scaled(g!, c.beta), c.shape, c.dtype) : null,
    n.next[1] ? scaled(bmm(ge(), transpose(n.unpack(1), 1, 2)), c.alpha) : null,
    n.next[2] ? scaled(bmm(transpose(n.unpack(0), 1, 2), ge()), c.alpha) : null,
  ];
}, abAttrs);
const baddbmmFn = backwardFn('BaddbmmBackward0', (n, [g]) => {
  const c = n.ctx as ABCtx;
  return [
    n.next[0] ? reduceGradTo(scaled(g!, c.beta), c.shape, c.dtype) : null,
    n.next[1] ? scaled(bmm(g!, transpose(n.unpack(1), 1, 2)), c.alpha) : null,
    n.next[2] ? scaled(bmm(transpose(n.unpack(0), 1, 2), g!), c.alpha) : null,
  ];
}, abAttrs);

function checkBatches(b1: Tensor, b2: Tensor): [number, number, number, number] {
  if (b1.shape.length !== 3) throw runtimeError(`batch1 must be a 3D tensor`);
  if (b2.shape.length !== 3) throw runtimeError(`batch2 must be a 3D tensor`);
  return [b1.shape[0], b1.shape[1], b1.shape[2], b2.shape[2]];
}

/** ATen: self (expanded) copied, then one addmm_ per batch with beta only on the first. */
export function addbmm(self: Tensor, b1: Tensor, b2: Tensor, beta: Scalar = 1, alpha: Scalar = 1): Tensor {
  const [B, m, k, n] = checkBatches(b1, b2);
  if (b2.shape[0] !== B) throw runtimeError(`batch1 and batch2 must have same number of batches, got ${B} and ${b2.shape[0]}`);
  if (b2.shape[1] !== k) throw runtimeError(`Incompatible matrix sizes for bmm (${m}x${k} and ${b2.shape[1]}x${n})`);
  checkMatDtypes(self, b1, b2, 'batch1', 'batch2');
  const al = scalarValue(alpha);
  let be = scalarValue(beta);
  const r = roundOf(self.dtype);
  const c = startFrom(self, [m, n]);
  if (B === 0) for (let i = 0; i < c.length; i++) c[i] = be === 0 ? 0 : r(r(be) * c[i]);
  for (let s = 0; s < B; s++) {
    gemmInto(c, 0, matOf(b1, b1.offset + s * b1.strides[0], b1.strides[1], b1.strides[2]), matOf(b2, b2.offset + s * b2.strides[0], b2.strides[1], b2.strides[2]), m, k, n, al, be, r);
    be = 1;
  }
  const out = finish(c, [m, n], self.dtype);
  if (needsGradAny([self, b1, b2])) {
    recordABC(out, addbmmFn, self, b1, b2, al, scalarValue(beta));
    Object.assign(out.gradFn!.ctx as BCtx, { b1: b1.shape, b2n: n });
  }
  return out;
}

/** ATen's bmm_out_or_baddbmm_: its own dot loop below 400 multiply-adds per matrix, else addmm_ per batch. */
export function baddbmm(self: Tensor, b1: Tensor, b2: Tensor, beta: Scalar = 1, alpha: Scalar = 1): Tensor {
  const [B, m, k, n] = checkBatches(b1, b2);
  if (b2.shape[0] !== B || b2.shape[1] !== k) {
    throw runtimeError(`Expected size for first two dimensions of batch2 tensor to be: [${B}, ${k}] but got: [${b2.shape[0]}, ${b2.shape[1]}].`);
  }
  checkMatDtypes(self, b1, b2, 'batch1', 'batch2');
  const al = scalarValue(alpha);
  const be = scalarValue(beta);
  const r = roundOf(self.dtype);
  const c = startFrom(self, [B, m, n]);
  const kernel = m * n * k < 400 ? smallBaddbmm : gemmInto;
  for (let s = 0; s < B; s++) {
    kernel(c, s * m * n, matOf(b1, b1.offset + s * b1.strides[0], b1.strides[1], b1.strides[2]), matOf(b2, b2.offset + s * b2.strides[0], b2.strides[1], b2.strides[2]), m, k, n, al, be, r);
  }
  const out = finish(c, [B, m, n], self.dtype);
  recordABC(out, baddbmmFn, self, b1, b2, al, be);
  return out;
}

// ---- addcmul / addcdiv ---------------------------------------------------------------------
interface CCtx {
  shapes: number[][];
  dtypes: DType[];
  value: number;
}
const addcmulFn = backwardFn('AddcmulBackward0', (n, [g]) => {
  const c = n.ctx as CCtx;
  return [
    n.next[0] ? reduceGradTo(g!, c.shapes[0], c.dtypes[0]) : null,
    n.next[1] ? reduceGradTo(mul(g!, mul(n.unpack(1), c.value)), c.shapes[1], c.dtypes[1]) : null,
    n.next[2] ? reduceGradTo(mul(g!, mul(n.unpack(0), c.value)), c.shapes[2], c.dtypes[2]) : null,
  ];
}, () => ({}));
const addcdivFn = backwardFn('AddcdivBackward0', (n, [g]) => {
  const c = n.ctx as CCtx;
  const t2 = () => n.unpack(1);
  return [
    n.next[0] ? reduceGradTo(g!, c.shapes[0], c.dtypes[0]) : null,
    n.next[1] ? reduceGradTo(mul(g!, div(c.value, t2())), c.shapes[1], c.dtypes[1]) : null,
    n.next[2] ? reduceGradTo(div(mul(mul(neg(g!), c.value), n.unpack(0)), mul(t2(), t2())), c.shapes[2], c.dtypes[2]) : null,
  ];
}, () => ({}));

const INT_ADDCDIV =
  'Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.';

function addcOp(div_: boolean, self: Tensor, t1: Tensor, t2: Tensor, value: Scalar): Tensor {
  if (div_ && !t1.dtype.isFloating && !t2.dtype.isFloating) throw runtimeError(INT_ADDCDIV);
  const ops3 = [self, t1, t2];
  const dtype = resultType(ops3.map((x) => ({ dtype: x.dtype, dimCount: x.shape.length, wrapped: x.wrapped })));
  const r = roundOf(dtype);
  const v = r(scalarValue(value));
  // ATen's kernels: self + (value * t1) * t2 (the last multiply-add fused), self + (value * t1) / t2, in scalar_t
  const f = div_ ? (s: number, x: number, y: number) => r(s + r(r(v * x) / y)) : (s: number, x: number, y: number) => r(s + r(v * x) * y);
  const out = mapTernary(cast(self, dtype), cast(t1, dtype), cast(t2, dtype), dtype, f);
  if (needsGradAny(ops3)) {
    const ctx: CCtx = { shapes: ops3.map((x) => x.shape), dtypes: ops3.map((x) => x.dtype), value: scalarValue(value) };
    const node = record(out, div_ ? addcdivFn : addcmulFn, ops3, ctx);
    if (div_) {
      node.save(t2.requiresGrad ? t1 : null);
      node.save(t1.requiresGrad || t2.requiresGrad ? t2 : null);
    } else {
      node.save(t2.requiresGrad ? t1 : null);
      node.save(t1.requiresGrad ? t2 : null);
    }
  }
  return out;
}

export const addcmul = (self: Tensor, t1: Tensor, t2: Tensor, value: Scalar = 1): Tensor => addcOp(false, self, t1, t2, value);
export const addcdiv = (self: Tensor, t1: Tensor, t2: Tensor, value: Scalar = 1): Tensor => addcOp(true, self, t1, t2, value);
