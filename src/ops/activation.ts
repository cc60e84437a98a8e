/**
 * torch.nn.functional activations with PyTorch's own nodes (LeakyReluBackward0,
 * GeluBackward0, EluBackward0, ...). Each is a pointwise kernel f with its derivative df
 * and second derivative d2f: the backward is the op `XBackward(grad, self)` (its own node,
 * XBackwardBackward0, as PyTorch) so create_graph gives second derivatives.
 */
import { float32 } from '../tensor/dtype.js';
import { setTangent, withoutTangent } from '../autograd/forward_ad.js';
import type { SavedAttr } from '../autograd/node.js';
import { runtimeError } from '../tensor/errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { add, div, mul, sub } from './arith.js';
import { erf } from './erf.js';
import { mapBinary, mapUnary } from './kernels.js';
import { backwardFn, binaryResultType, needsGrad, needsGradAny, record } from './registry.js';
import { abs, tanh } from './unary.js';

export interface Pointwise {
  f: (x: number) => number;
  /** f as PyTorch's float32 kernel computes it, when rounding each step changes the result */
  f32?: (x: number) => number;
  df: (x: number) => number;
  d2f: (x: number) => number;
}

interface ActivationDef {
  /** grad_fn name of the forward ('GeluBackward0'); the backward's is <name minus 0/1>Backward0 */
  gradFn: string;
  /** grad_fn name of the backward when it is not derived from gradFn */
  backName?: string;
  /** the ATen kernel's name in "... not implemented for 'Long'" ("" = integers allowed) */
  kernel: string;
  attrs?: Record<string, SavedAttr>;
}

const sig = (x: number): number => 1 / (1 + Math.exp(-x));

/** grad * df(self), itself differentiable once more (XBackwardBackward0). */
function backwardOp(name: string) {
  const fn = backwardFn(name, (n, [gg]) => {
    const g = n.unpack(0);
    const x = n.unpack(1);
    const k = n.ctx as Pointwise;
    return [
      n.next[0] ? mul(gg!, mapUnary(x, x.dtype, k.df)) : null,
      n.next[1] ? mul(gg!, mapBinary(g, x, x.dtype, (gv, xv) => gv * k.d2f(xv))) : null,
    ];
  });
  return (g: Tensor, x: Tensor, k: Pointwise): Tensor => {
    const out = mapBinary(g, x, binaryResultType(g, x), (gv, xv) => gv * k.df(xv));
    if (needsGradAny([g, x])) {
      const node = record(out, fn, [g, x], k);
      node.save(g);
      node.save(x);
    }
    return out;
  };
}

/** An activation family: `make(kernels)` applies it with the given parameters' kernels. */
function activation(def: ActivationDef) {
  const back = backwardOp(def.backName ?? def.gradFn.replace(/\d$/, '') + 'Backward0');
  const fn = backwardFn(def.gradFn, (n, [g]) => [back(g!, n.unpack(0), n.ctx as Pointwise)], def.attrs && (() => def.attrs!));
  return (x: Tensor, k: Pointwise): Tensor => {
    if (def.kernel !== '' && !x.dtype.isFloating) throw runtimeError(`"${def.kernel}" not implemented for '${x.dtype.scalarName}'`);
    const out = mapUnary(x, x.dtype, x.dtype === float32 && k.f32 !== undefined ? k.f32 : k.f);
    if (needsGrad(x)) record(out, fn, [x], k).save(x);
    if (x.tangent !== null) setTangent(out, () => back(x.tangent!, withoutTangent(x), k));
    return out;
  };
}

/** An activation applied in place (F.x(..., inplace=True)): PyTorch's node is then XBackward1 for some. */
type Variant = 'out' | 'inplace';
function family(gradFn: string, kernel: string, inplaceName = gradFn, backName?: string) {
  const cache = new Map<string, ReturnType<typeof activation>>();
  return (variant: Variant, attrs?: Record<string, SavedAttr>) => {
    const name = variant === 'inplace' ? inplaceName : gradFn;
    const key = name + JSON.stringify(attrs ?? null);
    let a = cache.get(key);
    if (a === undefined) cache.set(key, (a = activation({ gradFn: name, backName, kernel, attrs })));
    return a;
  };
}

const leakyFamily = family('LeakyReluBackward0', 'leaky_relu_cpu', 'LeakyReluBackward1');
export function leakyRelu(x: Tensor, negativeSlope = 0.01, variant: Variant = 'out'): Tensor {
  const s = negativeSlope;
  return leakyFamily(variant, { negative_slope: { float: s } })(x, { f: (v) => (v > 0 ? v : v * s), df: (v) => (v > 0 ? 1 : s), d2f: () => 0 });
}

const geluFamily = family('GeluBackward0', 'GeluKernelImpl');
const SQRT1_2 = Math.SQRT1_2;
const PDF_C = 0.5 * Math.SQRT1_2 * (2 / Math.sqrt(Math.PI)); // 1/sqrt(2 pi)
const GELU_BETA = Math.SQRT2 * (2 / Math.sqrt(Math.PI)) * 0.5; // sqrt(2/pi)
const GELU_KAPPA = 0.044715;
const fr = Math.fround;
const geluExact: Pointwise = {
  f: (v) => v * 0.5 * (1 + erf(v * SQRT1_2)),
  // in float32 steps: 1 + erf(x/√2) cancels in the tails, as in PyTorch
  f32: (v) => fr(fr(v * 0.5) * fr(1 + fr(erf(fr(v * fr(SQRT1_2)))))),
  df: (v) => 0.5 * (1 + erf(v * SQRT1_2)) + v * Math.exp(-0.5 * v * v) * PDF_C,
  d2f: (v) => Math.exp(-0.5 * v * v) * PDF_C * (2 - v * v),
};
const geluTanh: Pointwise = {
  f: (v) => 0.5 * v * (1 + Math.tanh(GELU_BETA * (v + GELU_KAPPA * v * v * v))),
  df: (v) => {
    const t = Math.tanh(GELU_BETA * (v + GELU_KAPPA * v * v * v));
    return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * GELU_BETA * (1 + 3 * GELU_KAPPA * v * v);
  },
  d2f: (v) => {
    const t = Math.tanh(GELU_BETA * (v + GELU_KAPPA * v * v * v));
    const u1 = GELU_BETA * (1 + 3 * GELU_KAPPA * v * v);
    const u2 = 6 * GELU_BETA * GELU_KAPPA * v;
    return (1 - t * t) * (u1 + 0.5 * v * (u2 - 2 * t * u1 * u1));
  },
};
export function gelu(x: Tensor, approximate = 'none'): Tensor {
  if (approximate !== 'none' && approximate !== 'tanh') throw runtimeError(`approximate argument must be either none or tanh.`);
  return geluFamily('out')(x, approximate === 'tanh' ? geluTanh : geluExact);
}

/** elu(x) = scale * (x > 0 ? x : alpha * (exp(x * input_scale) - 1)); selu and celu are elus. */
function eluKernels(alpha: number, scale: number, inputScale: number): Pointwise {
  const neg = alpha * scale;
  return {
    f: (v) => (v <= 0 ? Math.expm1(v * inputScale) * neg : v * scale),
    df: (v) => (v <= 0 ? inputScale * neg * Math.exp(v * inputScale) : scale),
    d2f: (v) => (v < 0 ? inputScale * inputScale * neg * Math.exp(v * inputScale) : 0), // ATen: strictly below 0
  };
}
const eluFamily = family('EluBackward0', 'elu_cpu', 'EluBackward1');
const eluAttrs = (alpha: number, scale: number, inputScale: number) => ({ alpha: { float: alpha }, input_scale: { float: inputScale }, scale: { float: scale } });
export function elu(x: Tensor, alpha = 1, variant: Variant = 'out'): Tensor {
  return eluFamily(variant, eluAttrs(alpha, 1, 1))(x, eluKernels(alpha, 1, 1));
}
const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;
export function selu(x: Tensor, variant: Variant = 'out'): Tensor {
  return eluFamily(variant, eluAttrs(SELU_ALPHA, SELU_SCALE, 1))(x, eluKernels(SELU_ALPHA, SELU_SCALE, 1));
}
// celu's backward is elu_backward: EluBackwardBackward0 under create_graph
const celuFamily = family('CeluBackward0', 'elu_cpu', 'CeluBackward1', 'EluBackwardBackward0');
export function celu(x: Tensor, alpha = 1, variant: Variant = 'out'): Tensor {
  if (alpha === 0) throw runtimeError('ZeroDivisionError: alpha cannot be 0 for CELU');
  return celuFamily(variant, { alpha: { float: alpha } })(x, eluKernels(alpha, 1, 1 / alpha));
}

const softplusFamily = family('SoftplusBackward0', 'softplus_cpu');
export function softplus(x: Tensor, beta = 1, threshold = 20): Tensor {
  return softplusFamily('out', { beta: { float: beta }, threshold: { float: threshold } })(x, {
    f: (v) => (v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta),
    df: (v) => (v * beta > threshold ? 1 : sig(v * beta)),
    d2f: (v) => {
      if (v * beta >= threshold) return 0; // ATen's double backward: strictly below the threshold
      const s = sig(v * beta);
      return beta * s * (1 - s);
    },
  });
}

const hardtanhFamily = family('HardtanhBackward0', '');
export function hardtanh(x: Tensor, minVal = -1, maxVal = 1, variant: Variant = 'out'): Tensor {
  // an integer tensor takes the bounds truncated to its type
  if (!x.dtype.isFloating) [minVal, maxVal] = [Math.trunc(minVal), Math.trunc(maxVal)];
  return hardtanhFamily(variant, { max_val: { float: maxVal }, min_val: { float: minVal } })(x, {
    f: (v) => (v !== v ? v : v < minVal ? minVal : v > maxVal ? maxVal : v),
    df: (v) => (v <= minVal || v >= maxVal ? 0 : 1),
    d2f: () => 0,
  });
}
export const relu6 = (x: Tensor, variant: Variant = 'out'): Tensor => hardtanh(x, 0, 6, variant);

const hardsigmoidFamily = family('HardsigmoidBackward0', 'hardsigmoid_cpu');
// ATen's backward multiplies by the float constant 1.0f / 6.0f, even for float64
const ONE_SIXTH_F = Math.fround(1 / 6);
const hardsigmoidK: Pointwise = { f: (v) => Math.min(Math.max(v + 3, 0), 6) / 6, df: (v) => (v > -3 && v < 3 ? ONE_SIXTH_F : 0), d2f: () => 0 };
export const hardsigmoid = (x: Tensor, variant: Variant = 'out'): Tensor => hardsigmoidFamily(variant)(x, hardsigmoidK);

const hardswishFamily = family('HardswishBackward0', 'hardswish_cpu');
const hardswishK: Pointwise = {
  f: (v) => (v * Math.min(Math.max(v + 3, 0), 6)) / 6,
  df: (v) => (v < -3 ? 0 : v <= 3 ? v / 3 + 0.5 : 1),
  d2f: (v) => (v > -3 && v < 3 ? 1 / 3 : 0),
};
export const hardswish = (x: Tensor, variant: Variant = 'out'): Tensor => hardswishFamily(variant)(x, hardswishK);

const siluFamily = family('SiluBackward0', 'silu_cpu');
const siluK: Pointwise = {
  f: (v) => v / (1 + Math.exp(-v)),
  df: (v) => {
    const s = sig(v);
    return s * (1 + v * (1 - s));
  },
  d2f: (v) => {
    const s = sig(v);
    return s * (1 - s) * (2 + v * (1 - 2 * s));
  },
};
export const silu = (x: Tensor, variant: Variant = 'out'): Tensor => siluFamily(variant)(x, siluK);

const mishFamily = family('MishBackward0', 'mish_cpu');
const softplus1 = (v: number) => (v > 20 ? v : Math.log1p(Math.exp(v)));
const mishK: Pointwise = {
  f: (v) => v * Math.tanh(Math.log1p(Math.exp(v))),
  df: (v) => {
    const t = Math.tanh(softplus1(v));
    return t + v * sig(v) * (1 - t * t);
  },
  d2f: (v) => {
    const t = Math.tanh(softplus1(v));
    const s = sig(v);
    return (1 - t * t) * s * (2 + v * (1 - s) - 2 * v * t * s);
  },
};
export const mish = (x: Tensor, variant: Variant = 'out'): Tensor => mishFamily(variant)(x, mishK);

const logsigmoidFamily = family('LogSigmoidBackward0', 'log_sigmoid_cpu');
const logsigmoidK: Pointwise = {
  f: (v) => Math.min(v, 0) - Math.log1p(Math.exp(-Math.abs(v))),
  df: (v) => sig(-v),
  d2f: (v) => {
    const s = sig(v);
    return -s * (1 - s);
  },
};
export const logsigmoid = (x: Tensor): Tensor => logsigmoidFamily('out')(x, logsigmoidK);

/** F.softsign is composite in PyTorch: input / (input.abs() + 1). */
export const softsign = (x: Tensor): Tensor => div(x, add(abs(x), 1));
/** F.tanhshrink: input - input.tanh(). */
export const tanhshrink = (x: Tensor): Tensor => sub(x, tanh(x));
