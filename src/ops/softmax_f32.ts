/**
 * float32 softmax in ATen's order (SoftMaxKernel.cpp, AVX2): over the last dim, the max and
 * the sum of exp(x - max) are 8-lane vector reductions (tail lanes folded in with
 * Vec::set, lanes combined as a tree), exp is SLEEF's, and the result is e * (1 / sum);
 * over another dim each position is reduced sequentially and divided by the sum.
 * Checked bit for bit against torch 1.13 (test/ops/sum_order.test.ts).
 */
import { expf } from '../tensor/f32math.js';

const f = Math.fround;
const LANES = 8;

type Op = (a: number, b: number) => number;

/** vec::reduce_all over d[start .. start + n) after map. */
function reduceAll(d: ArrayLike<number>, start: number, n: number, map: (v: number) => number, op: Op): number {
  if (n < LANES) {
    // vec_reduce_all(op, loadu(data, n), n): lane 0 folds the others in order
    let acc = map(d[start]);
    for (let i = 1; i < n; i++) acc = op(acc, map(d[start + i]));
    return acc;
  }
  const acc = new Array<number>(LANES);
  for (let l = 0; l < LANES; l++) acc[l] = map(d[start + l]);
  const full = n - (n % LANES);
  let i = LANES;
  for (; i < full; i += LANES) for (let l = 0; l < LANES; l++) acc[l] = op(acc[l], map(d[start + i + l]));
  for (let l = 0; i + l < n; l++) acc[l] = op(acc[l], map(d[start + i + l]));
  // AVX2 VecReduceAllSIMD: halves, then pairs, then neighbours
  const w = [op(acc[0], acc[4]), op(acc[1], acc[5]), op(acc[2], acc[6]), op(acc[3], acc[7])];
  return op(op(w[0], w[2]), op(w[1], w[3]));
}

const add: Op = (a, b) => f(a + b);
const max: Op = (a, b) => (a !== a || b !== b ? NaN : a > b ? a : b);
const id = (v: number) => v;
const scalarExp = (x: number) => f(Math.exp(x));

/** Softmax of each contiguous row of length n (float32), written to out. */
export function softmaxLastDimF32(src: ArrayLike<number>, out: Float32Array, rows: number, n: number): void {
  for (let r = 0; r < rows; r++) {
    const s = r * n;
    const m = reduceAll(src, s, n, id, max);
    for (let i = 0; i < n; i++) out[s + i] = expf(f(src[s + i] - m));
    const inv = f(1 / reduceAll(out, s, n, id, add));
    for (let i = 0; i < n; i++) out[s + i] = f(out[s + i] * inv);
  }
}

/**
 * log_softmax of each contiguous row (float32): the sum of exp(x - max) is a mapped vector
 * reduction, its log is taken (correctly rounded here; PyTorch's SLEEF log differs in ~1%
 * of cases), and the result is (x - max) - log(sum), rounding each step.
 */
export function logSoftmaxLastDimF32(src: ArrayLike<number>, out: Float32Array, rows: number, n: number): void {
  for (let r = 0; r < rows; r++) {
    const s = r * n;
    const m = reduceAll(src, s, n, id, max);
    const logSum = f(Math.log(reduceAll(src, s, n, (v) => expf(f(v - m)), add)));
    for (let i = 0; i < n; i++) out[s + i] = f(f(src[s + i] - m) - logSum);
  }
}

/**
 * Softmax along a non-last dim: [outer, size, inner] contiguous (float32). Inner positions
 * that fill a whole 8-lane vector use SLEEF's exp, the remaining ones ATen's scalar tail
 * (std::exp, correctly rounded here); both divide by the sequential sum.
 */
export function softmaxDimF32(src: ArrayLike<number>, out: Float32Array, outer: number, size: number, inner: number): void {
  const vectorized = inner - (inner % LANES);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const exp = j < vectorized ? expf : scalarExp;
      const base = o * size * inner + j;
      let m = src[base];
      for (let k = 1; k < size; k++) m = max(m, src[base + k * inner]);
      let sum = 0;
      for (let k = 0; k < size; k++) {
        const e = exp(f(src[base + k * inner] - m));
        out[base + k * inner] = e;
        sum = f(sum + e);
      }
      for (let k = 0; k < size; k++) out[base + k * inner] = f(out[base + k * inner] / sum);
    }
  }
}
