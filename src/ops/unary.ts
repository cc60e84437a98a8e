/** Elementwise math (derivatives.yaml formulas, written with the ops themselves). */
import { acosf, asinf, atanf, cosf, coshf, expf, expm1f, log10f, log1pf, log2f, logf, sigmoidf, sinf, sinhf, tanf, tanhf } from '../tensor/f32math.js';
import { erf as erfScalar } from './erf.js';
import * as libm from '../tensor/libm_f32.js';
import { backwardFn, defineUnary, needsGrad, record } from './registry.js';
import { mapUnary } from './kernels.js';
import { float32 } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { addScalar, div, mul, mulScalar, neg, pow } from './arith.js';
import { sigmoidBackward, tanhBackward, thresholdBackward } from './backward_ops.js';
import { zerosLike } from './creation.js';

const zeroGrad = (g: import('../tensor/tensor.js').Tensor) => zerosLike(g);

export const exp = defineUnary({ gradFn: 'ExpBackward0', f: Math.exp, f32: expf, dtype: 'float', uses: ['result'], grad: (g, _s, r) => mul(g, r!) });
export const log = defineUnary({ gradFn: 'LogBackward0', f: Math.log, f32: logf, dtype: 'float', uses: ['self'], grad: (g, s) => div(g, s!) });
export const log2 = defineUnary({
  gradFn: 'Log2Backward0',
  f: Math.log2,
  f32: log2f,
  dtype: 'float',
  uses: ['self'],
  grad: (g, s) => div(g, mulScalar(s!, Math.LN2)),
});
export const log10 = defineUnary({
  gradFn: 'Log10Backward0',
  f: Math.log10,
  f32: log10f,
  dtype: 'float',
  uses: ['self'],
  grad: (g, s) => div(g, mulScalar(s!, Math.LN10)),
});
export const log1p = defineUnary({ gradFn: 'Log1PBackward0', f: Math.log1p, f32: log1pf, dtype: 'float', uses: ['self'], grad: (g, s) => div(g, addScalar(s!, 1)) });
export const expm1 = defineUnary({ gradFn: 'Expm1Backward0', f: Math.expm1, f32: expm1f, dtype: 'float', uses: ['result'], grad: (g, _s, r) => mul(g, addScalar(r!, 1)) });
export const sin = defineUnary({ gradFn: 'SinBackward0', f: Math.sin, f32: sinf, dtype: 'float', uses: ['self'], grad: (g, s) => mul(g, cos(s!)) });
export const cos = defineUnary({ gradFn: 'CosBackward0', f: Math.cos, f32: cosf, dtype: 'float', uses: ['self'], grad: (g, s) => mul(g, neg(sin(s!))) });
export const tan = defineUnary({
  gradFn: 'TanBackward0',
  f: Math.tan,
  f32: tanf,
  dtype: 'float',
  uses: ['result'],
  grad: (g, _s, r) => mul(g, addScalar(pow(r!, 2), 1)),
});
export const asin = defineUnary({
  gradFn: 'AsinBackward0',
  f: Math.asin,
  f32: asinf,
  dtype: 'float',
  uses: ['self'],
  grad: (g, s) => mul(g, rsqrt(addScalar(mul(neg(s!), s!), 1))),
});
export const acos = defineUnary({
  gradFn: 'AcosBackward0',
  f: Math.acos,
  f32: acosf,
  dtype: 'float',
  uses: ['self'],
  grad: (g, s) => mul(g, neg(rsqrt(addScalar(mul(neg(s!), s!), 1)))),
});
export const atan = defineUnary({ gradFn: 'AtanBackward0', f: Math.atan, f32: atanf, dtype: 'float', uses: ['self'], grad: (g, s) => div(g, addScalar(mul(s!, s!), 1)) });
export const sinh = defineUnary({ gradFn: 'SinhBackward0', f: Math.sinh, f32: sinhf, f32Scalar: libm.sinhf, dtype: 'float', uses: ['self'], grad: (g, s) => mul(g, cosh(s!)) });
export const cosh = defineUnary({ gradFn: 'CoshBackward0', f: Math.cosh, f32: coshf, f32Scalar: libm.coshf, dtype: 'float', uses: ['self'], grad: (g, s) => mul(g, sinh(s!)) });
export const tanh = defineUnary({
  gradFn: 'TanhBackward0',
  f: Math.tanh,
  f32: tanhf,
  dtype: 'float',
  uses: ['result'],
  grad: (g, _s, r) => tanhBackward(g, r!),
});
export const sigmoid = defineUnary({
  gradFn: 'SigmoidBackward0',
  f: (x) => 1 / (1 + Math.exp(-x)),
  f32: sigmoidf,
  f32Scalar: libm.sigmoidf,
  dtype: 'float',
  uses: ['result'],
  grad: (g, _s, r) => sigmoidBackward(g, r!),
});
export const relu = defineUnary({
  gradFn: 'ReluBackward0',
  f: (x) => (x > 0 ? x : x !== x ? x : 0),
  dtype: 'same',
  uses: ['result'],
  grad: (g, _s, r) => thresholdBackward(g, r!),
});
export const sqrt = defineUnary({ gradFn: 'SqrtBackward0', f: Math.sqrt, dtype: 'float', uses: ['result'], grad: (g, _s, r) => div(g, mulScalar(r!, 2)) });
export const rsqrt = defineUnary({
  gradFn: 'RsqrtBackward0',
  f: (x) => 1 / Math.sqrt(x),
  dtype: 'float',
  uses: ['result'],
  grad: (g, _s, r) => mul(mulScalar(g, -0.5), pow(r!, 3)),
});
export const abs = defineUnary({ gradFn: 'AbsBackward0', f: Math.abs, dtype: 'same', uses: ['self'], grad: (g, s) => mul(g, sgn(s!)) });
// NaN and -0 give 0, as PyTorch's sign kernel
const signKernel = (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0);
export const sign = defineUnary({ gradFn: 'SignBackward0', f: signKernel, dtype: 'same', grad: zeroGrad });
/** torch.sgn: sign for real tensors, but its own node (abs's formula is grad * self.sgn()). */
export const sgn = defineUnary({ gradFn: 'SgnBackward0', f: signKernel, dtype: 'same', grad: zeroGrad });
export const reciprocal = defineUnary({
  gradFn: 'ReciprocalBackward0',
  f: (x) => 1 / x,
  dtype: 'float',
  uses: ['result'],
  grad: (g, _s, r) => mul(neg(g), mul(r!, r!)),
});
export const trunc = defineUnary({ gradFn: 'TruncBackward0', f: Math.trunc, dtype: 'same', grad: zeroGrad });
export const floor = defineUnary({ gradFn: 'FloorBackward0', f: Math.floor, dtype: 'same', grad: zeroGrad });
export const ceil = defineUnary({ gradFn: 'CeilBackward0', f: Math.ceil, dtype: 'same', grad: zeroGrad });
/** Half to even (C's nearbyint), as torch.round. */
const nearbyint = (x: number): number => {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
};
export const round = defineUnary({ gradFn: 'RoundBackward0', f: nearbyint, dtype: 'same', grad: zeroGrad });

const roundDecimalsFn = backwardFn('RoundBackward1', (_n, [g]) => [zerosLike(g!)]);
/** torch.round(x, decimals=d): nearbyint(x * 10^d) / 10^d in the tensor's dtype (ATen's round_decimals). */
export function roundDecimals(x: Tensor, decimals: number): Tensor {
  const f32 = x.dtype === float32 ? Math.fround : (v: number) => v;
  const tenPow = f32(10 ** Math.abs(decimals));
  const k = decimals < 0 ? (v: number) => nearbyint(f32(v / tenPow)) * tenPow : (v: number) => nearbyint(f32(v * tenPow)) / tenPow;
  const out = mapUnary(x, x.dtype, k);
  if (needsGrad(x)) record(out, roundDecimalsFn, [x]);
  return out;
}
export const exp2 = defineUnary({
  gradFn: 'Exp2Backward0',
  f: (x) => 2 ** x,
  dtype: 'float',
  uses: ['result'],
  grad: (g, _s, r) => mulScalar(mul(g, r!), Math.LN2),
});
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
export const erf = defineUnary({
  gradFn: 'ErfBackward0',
  f: erfScalar,
  dtype: 'float',
  uses: ['self'],
  grad: (g, s) => mul(g, mulScalar(exp(neg(mul(s!, s!))), TWO_OVER_SQRT_PI)),
});
export const erfc = defineUnary({
  gradFn: 'ErfcBackward0',
  f: (x) => 1 - erfScalar(x),
  dtype: 'float',
  uses: ['self'],
  grad: (g, s) => mul(g, mulScalar(exp(neg(mul(s!, s!))), -TWO_OVER_SQRT_PI)),
});

/** erf⁻¹: Giles' single-precision approximation refined by Newton steps on erf. */
function erfinvScalar(y: number): number {
  if (y <= -1 || y >= 1) return y === 1 ? Infinity : y === -1 ? -Infinity : NaN;
  if (y !== y) return y;
  let w = -Math.log((1 - y) * (1 + y));
  let x: number;
  if (w < 5) {
    w -= 2.5;
    let p = 2.81022636e-8;
    for (const c of [3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]) p = c + p * w;
    x = p * y;
  } else {
    w = Math.sqrt(w) - 3;
    let p = -0.000200214257;
    for (const c of [0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]) p = c + p * w;
    x = p * y;
  }
  for (let i = 0; i < 2; i++) x -= (erfScalar(x) - y) / (TWO_OVER_SQRT_PI * Math.exp(-x * x));
  return x;
}
export const erfinv = defineUnary({
  gradFn: 'ErfinvBackward0',
  f: erfinvScalar,
  dtype: 'float',
  uses: ['result'],
  grad: (g, _s, r) => mul(g, mulScalar(exp(mul(r!, r!)), Math.sqrt(Math.PI) / 2)),
});
