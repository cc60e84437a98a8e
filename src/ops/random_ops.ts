/**
 * Sampling ops on an explicit generator: torch.normal's four forms, bernoulli, and the
 * in-place fills normal_/uniform_/bernoulli_. Each follows the order in which ATen draws
 * and combines numbers (normal(Tensor mean, float std) is normal_(0, std) + mean, the
 * forms with a std tensor are normal_(0, 1) * std + mean), so seeds give PyTorch's values.
 * Their gradients are zero, as derivatives.yaml declares.
 */
import { type DType, float64 } from '../tensor/dtype.js';
import { runtimeError } from '../tensor/errors.js';
import type { CpuGenerator } from '../tensor/random.js';
import { broadcastShapes, numelOf } from '../tensor/shape.js';
import { Tensor, contiguousData, fromFlat } from '../tensor/tensor.js';
import { add, mul } from './arith.js';
import { zeros } from './creation.js';
import { inplace } from './inplace.js';
import { expandTo } from './kernels.js';
import type { BackwardFn } from '../autograd/node.js';
import { backwardFn, needsGrad, record } from './registry.js';

/** A node whose gradient for each input (ctx: their shapes) is zero. */
const zeroGrads = (name: string) => backwardFn(name, (n, [g]) => n.next.map((e, i) => (e ? zeros((n.ctx as number[][])[i], g!.dtype) : null)));
const normalTFFn = zeroGrads('NormalBackward1');
const normalFTFn = zeroGrads('NormalBackward2');
const normalTTFn = zeroGrads('NormalBackward3');

function checkFloating(dtype: DType, kernel: string): void {
  if (!dtype.isFloating) throw runtimeError(`"${kernel}" not implemented for '${dtype.scalarName}'`);
}

function checkStd(std: Tensor): void {
  const s = contiguousData(std);
  for (let i = 0; i < s.length; i++) if (!(s[i] >= 0)) throw runtimeError('normal expects all elements of std >= 0.0');
}

function standard(gen: CpuGenerator, shape: number[], dtype: DType, std = 1): Tensor {
  return fromFlat(gen.normal(numelOf(shape), dtype, 0, std), shape, dtype);
}

/** `out` (fresh, no history) with the zero-gradient node over the tensor arguments. */
function recordZero(out: Tensor, fn: BackwardFn, inputs: Tensor[]): Tensor {
  if (inputs.some(needsGrad)) record(out, fn, inputs, inputs.map((t) => t.shape));
  return out;
}

/** torch.normal(mean: Tensor, std: float). */
export function normalTensorFloat(gen: CpuGenerator, mean: Tensor, std: number): Tensor {
  checkFloating(mean.dtype, 'normal_kernel_cpu');
  if (!(std >= 0)) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  const out = add(standard(gen, mean.shape.slice(), mean.dtype, std), detached(mean));
  return recordZero(out, normalTFFn, [mean]);
}

/** torch.normal(mean: float, std: Tensor). */
export function normalFloatTensor(gen: CpuGenerator, mean: number, std: Tensor): Tensor {
  checkFloating(std.dtype, 'normal_kernel_cpu');
  checkStd(std);
  const out = add(mul(standard(gen, std.shape.slice(), std.dtype), detached(std)), fromFlat([mean], [], std.dtype));
  return recordZero(out, normalFTFn, [std]);
}

/** torch.normal(mean: Tensor, std: Tensor): broadcast shapes. */
export function normalTensorTensor(gen: CpuGenerator, mean: Tensor, std: Tensor): Tensor {
  checkFloating(mean.dtype, 'normal_kernel_cpu');
  checkStd(std);
  const shape = broadcastShapes(mean.shape, std.shape);
  const out = add(mul(standard(gen, shape, mean.dtype), detached(std)), detached(mean));
  return recordZero(out, normalTTFn, [mean, std]);
}

/** A tensor over the same data without history (the arithmetic above records nothing). */
const detached = (t: Tensor) => new Tensor(t.data, t.shape, t.strides, t.offset, t.dtype);

/** bernoulli_distribution<float|double>(p): a uniform draw of p's precision below p. */
function bernoulliDraws(gen: CpuGenerator, p: ArrayLike<number>, double: boolean): Float64Array {
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const pi = p[i];
    if (!(pi >= 0 && pi <= 1)) throw runtimeError('Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)');
    out[i] = (double ? gen.unitDouble() : gen.unitFloat()) < pi ? 1 : 0;
  }
  return out;
}

const bernoulliFn = zeroGrads('BernoulliBackward0');

/** torch.bernoulli(p): 0/1 draws of p's dtype. */
export function bernoulli(gen: CpuGenerator, p: Tensor): Tensor {
  checkFloating(p.dtype, 'bernoulli_tensor_cpu_self_');
  const out = fromFlat(bernoulliDraws(gen, contiguousData(p), p.dtype === float64), p.shape, p.dtype);
  return recordZero(out, bernoulliFn, [p]);
}

/** torch.bernoulli(x, p: float): x's shape and dtype, each element 1 with probability p. */
export function bernoulliScalar(gen: CpuGenerator, x: Tensor, p: number): Tensor {
  const n = x.numel();
  const out = fromFlat(bernoulliDraws(gen, new Float64Array(n).fill(p), true), x.shape, x.dtype);
  return recordZero(out, bernoulliFn, [x]);
}

const fillFns = {
  normal: zeroGrads('NormalBackward0'),
  uniform: zeroGrads('UniformBackward0'),
  bernoulliScalar: zeroGrads('BernoulliBackward2'),
  bernoulliTensor: zeroGrads('BernoulliBackward1'),
};

/** In place: self's values replaced by `values(self)`; the node's gradient is zero. */
function fill(self: Tensor, fn: BackwardFn, values: (n: number) => ArrayLike<number>): Tensor {
  return inplace(self, (s) => {
    const out = fromFlat(values(s.numel()), s.shape, s.dtype);
    if (needsGrad(s)) record(out, fn, [s], [s.shape]);
    return out;
  });
}

export function normal_(gen: CpuGenerator, self: Tensor, mean: number, std: number): Tensor {
  checkFloating(self.dtype, 'normal_kernel_cpu');
  if (!(std >= 0)) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  return fill(self, fillFns.normal, (n) => gen.normal(n, self.dtype, mean, std));
}

export function uniform_(gen: CpuGenerator, self: Tensor, from: number, to: number): Tensor {
  checkFloating(self.dtype, 'check_uniform_bounds');
  if (!(from <= to)) throw runtimeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
  return fill(self, fillFns.uniform, (n) => gen.uniform(n, self.dtype, from, to));
}

export function bernoulliScalar_(gen: CpuGenerator, self: Tensor, p: number): Tensor {
  return fill(self, fillFns.bernoulliScalar, (n) => bernoulliDraws(gen, new Float64Array(n).fill(p), true));
}

export function bernoulliTensor_(gen: CpuGenerator, self: Tensor, p: Tensor): Tensor {
  const ps = contiguousData(expandTo(p, self.shape));
  return fill(self, fillFns.bernoulliTensor, () => bernoulliDraws(gen, ps, p.dtype === float64));
}
