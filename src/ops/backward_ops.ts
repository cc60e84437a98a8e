/**
 * PyTorch's *_backward ops that first-order formulas call (sigmoid_backward, tanh_backward,
 * threshold_backward, _softmax_backward_data, _log_softmax_backward_data). Under
 * create_graph their nodes (SigmoidBackwardBackward0, ...) appear in the gradient's graph,
 * and their own derivatives.yaml formulas give the higher derivatives.
 * Values are computed by the same op compositions as before, without recording them.
 */
import { withGradMode } from '../autograd/grad_mode.js';
import type { Tensor } from '../tensor/tensor.js';
import { addScalar, mul, mulScalar, neg, sub } from './arith.js';
import { zerosLike } from './creation.js';
import { backwardFn, needsGrad2, record } from './registry.js';
import { sum } from './reduce.js';
import { gtScalar } from './select.js';
import { exp } from './unary.js';

type Formula = (gg: Tensor, go: Tensor, other: Tensor, dim: number) => Tensor;

/** An op over (grad_output, other) whose node saves both and applies the two formulas. */
function backwardOp(name: string, value: (go: Tensor, other: Tensor, dim: number) => Tensor, dGo: Formula, dOther: Formula) {
  const fn = backwardFn(name, (n, [gg]) => {
    const go = n.unpack(0);
    const other = n.unpack(1);
    const dim = n.ctx as number;
    return [n.next[0] ? dGo(gg!, go, other, dim) : null, n.next[1] ? dOther(gg!, go, other, dim) : null];
  });
  return (go: Tensor, other: Tensor, dim = 0): Tensor => {
    const out = withGradMode(false, () => value(go, other, dim));
    if (needsGrad2(go, other)) {
      const node = record(out, fn, [go, other], dim);
      node.save(go);
      node.save(other);
    }
    return out;
  };
}

/** sigmoid_backward(grad_output, output) = grad_output * output * (1 - output). */
export const sigmoidBackward: (go: Tensor, out: Tensor) => Tensor = backwardOp(
  'SigmoidBackwardBackward0',
  (go, y) => mul(go, mul(y, sub(1, y))),
  (gg, _go, y) => sigmoidBackward(gg, y),
  (gg, go, y) => mul(mul(gg, go), addScalar(mulScalar(y, -2), 1)),
);

/** tanh_backward(grad_output, output) = grad_output * (1 - output^2). */
export const tanhBackward: (go: Tensor, out: Tensor) => Tensor = backwardOp(
  'TanhBackwardBackward0',
  (go, y) => mul(go, sub(1, mul(y, y))),
  (gg, _go, y) => tanhBackward(gg, y),
  (gg, go, y) => mul(gg, mul(mulScalar(y, -2), go)),
);

/** threshold_backward(grad_output, self, 0): relu's formula, grad where self > 0. */
export const thresholdBackward: (go: Tensor, self: Tensor) => Tensor = backwardOp(
  'ThresholdBackwardBackward0',
  (go, s) => mul(go, gtScalar(s, 0)),
  (gg, _go, s) => thresholdBackward(gg, s),
  (gg) => zerosLike(gg),
);

/** _softmax_backward_data(grad_output, output, dim) = output * (grad_output - sum(grad_output * output, dim)). */
export const softmaxBackwardData: (go: Tensor, out: Tensor, dim: number) => Tensor = backwardOp(
  'SoftmaxBackwardDataBackward0',
  (go, y, dim) => mul(y, sub(go, sum(mul(go, y), dim, true))),
  (gg, _go, y, dim) => softmaxBackwardData(gg, y, dim),
  // softmax_double_backward
  (gg, go, y, dim) => sub(sub(mul(go, gg), mul(sum(mul(y, go), dim, true), gg)), mul(go, sum(mul(y, gg), dim, true))),
);

/** _log_softmax_backward_data(grad_output, output, dim) = grad_output - exp(output) * sum(grad_output, dim). */
export const logSoftmaxBackwardData: (go: Tensor, out: Tensor, dim: number) => Tensor = backwardOp(
  'LogSoftmaxBackwardDataBackward0',
  (go, y, dim) => sub(go, mul(exp(y), sum(go, dim, true))),
  (gg, _go, y, dim) => sub(gg, sum(mul(gg, exp(y)), dim, true)),
  (gg, go, y, dim) => mul(mul(neg(sum(go, dim, true)), exp(y)), gg),
);
