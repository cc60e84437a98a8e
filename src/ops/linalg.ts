/** Products: dot mv mm bmm outer and matmul with PyTorch 1.13's dispatch (and its grad_fn names). */
import { float32 } from '../tensor/dtype.js';
import { runtimeError } from '../tensor/errors.js';
import { broadcastShapes, numelOf } from '../tensor/shape.js';
import { type Tensor, contiguousData } from '../tensor/tensor.js';
import { setTangent, withoutTangent } from '../autograd/forward_ad.js';
import { add, mul } from './arith.js';
import { contiguous } from './convert.js';
import { make } from './kernels.js';
import { backwardFn, needsGrad2, record } from './registry.js';
import { expand, reshape, squeeze, t, transpose, unsafeView, unsqueeze } from './views.js';

function checkSameDtype(a: Tensor, b: Tensor, what: string): void {
  if (a.dtype !== b.dtype) {
    throw runtimeError(`${what}expected both vectors to have same dtype, but found ${a.dtype.scalarName} and ${b.dtype.scalarName}`);
  }
}

/**
 * C[m,n] = A[m,k] B[k,n] (row-major, contiguous). B is transposed once so both operands
 * are read along k; a 4x4 tile of C is kept in 16 local accumulators, which cuts memory
 * traffic ~4x compared with a plain triple loop. Each output is a sequential sum over k,
 * the order of PyTorch's (reference) BLAS.
 */
function gemm(a: Float64Array, bt: Float64Array, c: Float64Array, m: number, k: number, n: number, cOff: number): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
        const y0 = bt[b0 + p], y1 = bt[b1 + p], y2 = bt[b2 + p], y3 = bt[b3 + p];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = cOff + i * n + j;
      c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
      o += n;
      c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13;
      o += n;
      c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23;
      o += n;
      c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
    }
  }
  // edges: rows below m4 (all columns) and columns right of n4 (tiled rows)
  for (let i = 0; i < m; i++) {
    for (let j = i < m4 ? n4 : 0; j < n; j++) {
      let acc = 0;
      const ai = i * k;
      const bj = j * k;
      for (let p = 0; p < k; p++) acc += a[ai + p] * bt[bj + p];
      c[cOff + i * n + j] = acc;
    }
  }
}

/**
 * The float32 variant: PyTorch (reference BLAS sgemm/sgemv/sdot) accumulates each output
 * sequentially over k in float32, rounding every product and every sum; doing the same
 * gives PyTorch's last bits.
 */
const f = Math.fround;

function gemm32(a: Float64Array, bt: Float64Array, c: Float64Array, m: number, k: number, n: number, cOff: number): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
        const y0 = bt[b0 + p], y1 = bt[b1 + p], y2 = bt[b2 + p], y3 = bt[b3 + p];
        c00 = f(c00 + f(x0 * y0)); c01 = f(c01 + f(x0 * y1)); c02 = f(c02 + f(x0 * y2)); c03 = f(c03 + f(x0 * y3));
        c10 = f(c10 + f(x1 * y0)); c11 = f(c11 + f(x1 * y1)); c12 = f(c12 + f(x1 * y2)); c13 = f(c13 + f(x1 * y3));
        c20 = f(c20 + f(x2 * y0)); c21 = f(c21 + f(x2 * y1)); c22 = f(c22 + f(x2 * y2)); c23 = f(c23 + f(x2 * y3));
        c30 = f(c30 + f(x3 * y0)); c31 = f(c31 + f(x3 * y1)); c32 = f(c32 + f(x3 * y2)); c33 = f(c33 + f(x3 * y3));
      }
      let o = cOff + i * n + j;
      c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
      o += n;
      c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13;
      o += n;
      c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23;
      o += n;
      c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
    }
  }
  // edges: rows below m4 (all columns) and columns right of n4 (tiled rows)
  for (let i = 0; i < m; i++) {
    for (let j = i < m4 ? n4 : 0; j < n; j++) {
      let acc = 0;
      const ai = i * k;
      const bj = j * k;
      for (let p = 0; p < k; p++) acc = f(acc + f(a[ai + p] * bt[bj + p]));
      c[cOff + i * n + j] = acc;
    }
  }
}

/**
 * Up to this many multiply-adds per matrix, float32 products reproduce PyTorch's rounding
 * (about 30% slower); larger ones (e.g. the 256x256 benchmark) accumulate in float64 and
 * round once, which is more accurate and within 1e-6 relative of PyTorch.
 */
const EXACT_F32_LIMIT = 1 << 21;

/** Batched product of contiguous operands. */
function product(a: Tensor, b: Tensor, batch: number, m: number, k: number, n: number, outShape: number[]): Tensor {
  const exactF32 = a.dtype === float32 && m * n * k <= EXACT_F32_LIMIT;
  const ad = contiguousData(a);
  // B given as the transpose of a contiguous matrix (the backward's t(b)) is already B^T in memory
  const bIsT = batch === 1 && b.shape.length === 2 && b.strides[0] === 1 && b.strides[1] === k && k > 1 && n > 1;
  const bd = bIsT ? b.data.subarray(b.offset, b.offset + k * n) : contiguousData(b);
  const out = make(a.dtype.alloc(batch * m * n), outShape, a.dtype);
  const acc = new Float64Array(m * n);
  const as = new Float64Array(m * k);
  const bt = new Float64Array(k * n);
  for (let s = 0; s < batch; s++) {
    as.set(ad.subarray(s * m * k, (s + 1) * m * k));
    const bo = s * k * n;
    if (bIsT) bt.set(bd);
    else for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bt[j * k + p] = bd[bo + p * n + j];
    if (exactF32) gemm32(as, bt, acc, m, k, n, 0);
    else gemm(as, bt, acc, m, k, n, 0);
    out.data.set(acc, s * m * n);
  }
  return out;
}

const dotFn = backwardFn('DotBackward0', (n, [g]) => [
  n.next[0] ? mul(g!, n.unpack(1)) : null,
  n.next[1] ? mul(g!, n.unpack(0)) : null,
]);

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 1 || b.shape.length !== 1) {
    throw runtimeError(`1D tensors expected, but got ${a.shape.length}D and ${b.shape.length}D tensors`);
  }
  checkSameDtype(a, b, 'dot : ');
  if (a.shape[0] !== b.shape[0]) {
    throw runtimeError(
      `inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`,
    );
  }
  const out = product(a, b, 1, 1, a.shape[0], 1, []);
  saveBoth(out, dotFn, a, b, dot);
  return out;
}

function saveBoth(out: Tensor, fn: ReturnType<typeof backwardFn>, a: Tensor, b: Tensor, product: (x: Tensor, y: Tensor) => Tensor): void {
  // jvp of a bilinear op: ta * b + a * tb
  if (a.tangent !== null || b.tangent !== null) {
    setTangent(out, () => {
      const pa = withoutTangent(a);
      const pb = withoutTangent(b);
      const l = a.tangent !== null ? product(a.tangent, pb) : null;
      const r = b.tangent !== null ? product(pa, b.tangent) : null;
      return l === null ? r! : r === null ? l : add(l, r);
    });
  }
  if (!needsGrad2(a, b)) return;
  const node = record(out, fn, [a, b]);
  // each input's formula needs the other one
  node.save(b.requiresGrad ? a : null);
  node.save(a.requiresGrad ? b : null);
}

const mvFn = backwardFn('MvBackward0', (n, [g]) => [
  n.next[0] ? outer(g!, n.unpack(1)) : null,
  n.next[1] ? mv(t(n.unpack(0)), g!) : null,
]);

export function mv(m: Tensor, v: Tensor): Tensor {
  if (m.shape.length !== 2 || v.shape.length !== 1) {
    throw runtimeError(`vector + matrix @ vector expected, got ${m.shape.length}, ${m.shape.length}, ${v.shape.length}`);
  }
  if (m.shape[1] !== v.shape[0]) throw runtimeError(`size mismatch, got ${m.shape[0]}, ${m.shape[0]}x${m.shape[1]},${v.shape[0]}`);
  if (m.dtype !== v.dtype) throw runtimeError(`expected scalar type ${m.dtype.scalarName} but found ${v.dtype.scalarName}`);
  const out = product(m, v, 1, m.shape[0], m.shape[1], 1, [m.shape[0]]);
  saveBoth(out, mvFn, m, v, mv);
  return out;
}

const mmFn = backwardFn('MmBackward0', (n, [g]) => [
  n.next[0] ? mm(g!, t(n.unpack(1))) : null,
  n.next[1] ? mm(t(n.unpack(0)), g!) : null,
]);

export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 2) throw runtimeError('self must be a matrix');
  if (b.shape.length !== 2) throw runtimeError('mat2 must be a matrix');
  if (a.shape[1] !== b.shape[0]) {
    throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`);
  }
  if (a.dtype !== b.dtype) throw runtimeError(`expected scalar type ${a.dtype.scalarName} but found ${b.dtype.scalarName}`);
  const out = product(a, b, 1, a.shape[0], a.shape[1], b.shape[1], [a.shape[0], b.shape[1]]);
  saveBoth(out, mmFn, a, b, mm);
  return out;
}

const bmmFn = backwardFn('BmmBackward0', (n, [g]) => [
  n.next[0] ? bmm(g!, transpose(n.unpack(1), 1, 2)) : null,
  n.next[1] ? bmm(transpose(n.unpack(0), 1, 2), g!) : null,
]);

export function bmm(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 3) throw runtimeError('batch1 must be a 3D tensor');
  if (b.shape.length !== 3) throw runtimeError('batch2 must be a 3D tensor');
  const [B, m, k] = a.shape;
  if (b.shape[0] !== B || b.shape[1] !== k) {
    throw runtimeError(`Expected size for first two dimensions of batch2 tensor to be: [${B}, ${k}] but got: [${b.shape[0]}, ${b.shape[1]}].`);
  }
  if (a.dtype !== b.dtype) throw runtimeError(`expected scalar type ${a.dtype.scalarName} but found ${b.dtype.scalarName}`);
  const out = product(a, b, B, m, k, b.shape[2], [B, m, b.shape[2]]);
  saveBoth(out, bmmFn, a, b, bmm);
  return out;
}

/** torch.outer: PyTorch computes self.reshape(-1, 1) * vec2 (MulBackward0 over ReshapeAliasBackward0). */
export function outer(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length !== 1 || b.shape.length !== 1) {
    throw runtimeError(`outer: Expected 1-D argument self, but got ${a.shape.length}-D`);
  }
  return mul(reshape(a, [-1, 1]), b);
}

/** torch.matmul / `@`, following ATen 1.13's matmul (folding, transposed folding, batched bmm). */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const d1 = a.shape.length;
  const d2 = b.shape.length;
  if (d1 === 0 || d2 === 0) {
    throw runtimeError(`both arguments to matmul need to be at least 1D, but they are ${d1}D and ${d2}D`);
  }
  if (d1 === 1 && d2 === 1) return dot(a, b);
  if (d1 === 2 && d2 === 1) return mv(a, b);
  if (d1 === 1 && d2 === 2) return squeeze(mm(unsqueeze(a, 0), b), 0, true);
  if (d1 === 2 && d2 === 2) return mm(a, b);
  if (d1 >= 3 && d2 <= 2) return foldLeft(a, b);
  if (d2 >= 3 && d1 <= 2) {
    const bt = transpose(b, -1, -2);
    if (d1 === 1) return foldLeft(bt, a);
    return contiguous(transpose(foldLeft(bt, t(a)), -1, -2));
  }
  return batched(a, b);
}

/** (..., n, k) @ (k) or (k, m): fold the batch dims into rows, one mv/mm, unsafe view back. */
function foldLeft(a: Tensor, b: Tensor): Tensor {
  const k = a.shape[a.shape.length - 1];
  const outShape = a.shape.slice(0, -1);
  if (b.shape.length === 2) outShape.push(b.shape[1]);
  const folded = reshape(a, [-1, k]);
  if (b.shape.length === 1) {
    if (b.shape[0] !== k) throw runtimeError(`size mismatch, got ${folded.shape[0]}, ${folded.shape[0]}x${k},${b.shape[0]}`);
    return unsafeView(mv(folded, b), outShape);
  }
  return unsafeView(mm(folded, b), outShape);
}

function batched(a: Tensor, b: Tensor): Tensor {
  const a3 = a.shape.length === 1 ? unsqueeze(a, 0) : a;
  const b3 = b.shape.length === 1 ? unsqueeze(b, -1) : b;
  const n = a3.shape[a3.shape.length - 2];
  const k = a3.shape[a3.shape.length - 1];
  const k2 = b3.shape[b3.shape.length - 2];
  const m = b3.shape[b3.shape.length - 1];
  if (k !== k2) {
    throw runtimeError(
      `Expected size for first two dimensions of batch2 tensor to be: [${numelOf(broadcastShapes(a3.shape.slice(0, -2), b3.shape.slice(0, -2)))}, ${k}] but got: [${numelOf(b3.shape.slice(0, -2))}, ${k2}].`,
    );
  }
  const batch = broadcastShapes(a3.shape.slice(0, -2), b3.shape.slice(0, -2));
  const B = numelOf(batch);
  const ae = reshape(expand(a3, [...batch, n, k]), [B, n, k]);
  const be = reshape(expand(b3, [...batch, k, m]), [B, k, m]);
  const outShape = [...batch];
  if (a.shape.length > 1) outShape.push(n);
  if (b.shape.length > 1) outShape.push(m);
  return unsafeView(bmm(ae, be), outShape);
}

