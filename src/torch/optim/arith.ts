/**
 * Element arithmetic of PyTorch 1.13's CPU kernels that the optimizers use, per dtype.
 * Scalars are cast to the tensor's dtype first (`alpha_scalar.to<scalar_t>()`), and
 * `add(x, y, alpha)` / `addcmul` are compiled to fused multiply-adds (checked against
 * torch 1.13 on AVX2: both the vectorised and the scalar tail paths fuse), so one
 * rounding happens where the C++ expression has two operations.
 */
import { productError } from '../../tensor/exact.js';
export interface Arith {
  /** Round a double to the dtype. */
  r(x: number): number;
  /** a * b + c with a single rounding to the dtype. */
  fma(a: number, b: number, c: number): number;
}

/**
 * float32 fma through doubles: the product of two floats is exact in a double, the sum
 * is exact as s + e (two-sum). Rounding s to float32 is then right unless s sits exactly
 * half-way between two floats and e says which side the true value is on.
 */
function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const bb = s - p;
  const e = p - (s - bb) + (c - bb);
  const r = Math.fround(s);
  if (e === 0 || r === s) return r;
  const d = s - r;
  const other = s + d;
  // s is a tie exactly when the float on its other side is 2d away from r
  if (Math.fround(other) === other && d > 0 === e > 0) return other;
  return r;
}

/** float64 fma from Dekker's exact product and a two-sum (wrong only on exact ties, never seen in practice). */
function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  const pe = productError(a, b, p);
  const s = p + c;
  const bb = s - p;
  const se = p - (s - bb) + (c - bb);
  return s + (se + pe);
}

export const F32: Arith = { r: Math.fround, fma: fma32 };
export const F64: Arith = { r: (x) => x, fma: fma64 };
