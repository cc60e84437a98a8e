/**
 * SGD, Adam, AdamW, RMSprop and Adagrad: PyTorch 1.13's single-tensor (non-foreach) update
 * rules, op by op in the parameter's dtype. Each loop fuses PyTorch's chained in-place ops
 * element-wise (`buf.mul_(m).add_(g, alpha=a)` -> one pass), which is the same arithmetic;
 * the roundings follow arith.ts. Python-level numbers (bias corrections, step sizes) are
 * doubles, as in optimizer code, and are cast to the dtype where PyTorch passes them to a kernel.
 */
import { valueError } from '../../tensor/errors.js';
import { type Storage } from '../../tensor/dtype.js';
import { Tensor, contiguousData } from '../../tensor/tensor.js';
import { dictSet } from '../../python/collection-methods.js';
import { PyDict } from '../../python/objects.js';
import { floatPow } from '../../python/numbers.js';
import { truthy } from '../../python/ops.js';
import { PyFloat, PyTuple, type PyValue, hostServices } from '../../python/values.js';
import { toFloat } from '../pyconv.js';
import { type Arith } from './arith.js';
import {
  type Algorithm,
  REQUIRED,
  arithOf,
  gradValues,
  groupFlag,
  groupGet,
  groupNum,
  paramsWithGrad,
  stateGet,
  stateLike,
  stateOf,
  stepTensor,
  updateInPlace,
  withWeightDecay,
} from './optimizer.js';

const f = (v: number) => new PyFloat(v);
const str = (v: PyValue) => hostServices().str(v);
/** `if not 0.0 <= x: raise ValueError("Invalid <what>: {}".format(x))` */
function atLeastZero(a: Record<string, PyValue>, key: string, what: string): void {
  if (!(toFloat(a[key]) >= 0)) throw valueError(`Invalid ${what}: ${str(a[key])}`);
}
function checkBetas(betas: PyValue): void {
  const items = [...hostServices().iterate(betas)];
  items.slice(0, 2).forEach((b, i) => {
    const v = toFloat(b);
    if (!(v >= 0 && v < 1)) throw valueError(`Invalid beta parameter at index ${i}: ${str(b)}`);
  });
}
const pick = (a: Record<string, PyValue>, keys: string[]): [string, PyValue][] => keys.map((k) => [k, a[k]]);

/** `step_t += 1` on a float32 step tensor; returns `step_t.item()`. */
function advance(stepT: Tensor): number {
  stepT.data[stepT.offset] = Math.fround(stepT.data[stepT.offset] + 1);
  stepT.version.v++;
  return stepT.data[stepT.offset];
}

const data = (t: Tensor): Storage => contiguousData(t);

/** The gradient the rules start from: negated under `maximize`, plus weight_decay * param. */
function decayedGrad(A: Arith, p: Tensor, maximize: boolean, wd: number): Storage {
  const g = gradValues(p, maximize);
  return wd !== 0 ? withWeightDecay(A, g, p, wd) : g;
}

/** `t.mul_(keep).add_(g, alpha=take)`: the running averages (momentum, exp_avg, grad_avg). */
function averageInPlace(A: Arith, t: Tensor, g: Storage, keep: number, take: number): void {
  const k = A.r(keep);
  const a = A.r(take);
  updateInPlace(t, 2, (v) => {
    for (let i = 0; i < v.length; i++) v[i] = A.fma(g[i], a, A.r(v[i] * k));
  });
}

/** `t.mul_(keep).addcmul_(g, g, value=take)`: the running averages of the squared gradient. */
function averageSquareInPlace(A: Arith, t: Tensor, g: Storage, keep: number, take: number): void {
  const k = A.r(keep);
  const a = A.r(take);
  updateInPlace(t, 2, (v) => {
    for (let i = 0; i < v.length; i++) v[i] = A.fma(A.r(a * g[i]), g[i], A.r(v[i] * k));
  });
}

export const sgd: Algorithm = {
  name: 'SGD',
  module: 'torch.optim.sgd',
  args: [
    { name: 'lr', dflt: REQUIRED },
    { name: 'momentum', dflt: 0 },
    { name: 'dampening', dflt: 0 },
    { name: 'weight_decay', dflt: 0 },
    { name: 'nesterov', dflt: false },
    { name: 'maximize', dflt: false, kwOnly: true },
    { name: 'foreach', dflt: null, kwOnly: true },
    { name: 'differentiable', dflt: false, kwOnly: true },
  ],
  validate(a) {
    if (a.lr !== REQUIRED && toFloat(a.lr) < 0) throw valueError(`Invalid learning rate: ${str(a.lr)}`);
    if (toFloat(a.momentum) < 0) throw valueError(`Invalid momentum value: ${str(a.momentum)}`);
    if (toFloat(a.weight_decay) < 0) throw valueError(`Invalid weight_decay value: ${str(a.weight_decay)}`);
    if (truthy(a.nesterov) && (toFloat(a.momentum) <= 0 || toFloat(a.dampening) !== 0))
      throw valueError('Nesterov momentum requires a momentum and zero dampening');
  },
  defaults: (a) => pick(a, ['lr', 'momentum', 'dampening', 'weight_decay', 'nesterov', 'maximize', 'foreach', 'differentiable']),
  step(opt, g) {
    const wd = groupNum(g, 'weight_decay');
    const momentum = groupNum(g, 'momentum');
    const lr = groupNum(g, 'lr');
    const dampening = groupNum(g, 'dampening');
    const nesterov = groupFlag(g, 'nesterov');
    const maximize = groupFlag(g, 'maximize');
    for (const p of paramsWithGrad(g)) {
      const A = arithOf(p);
      const n = p.numel();
      let d = decayedGrad(A, p, maximize, wd);
      const st = stateOf(opt, p);
      if (momentum !== 0) {
        const old = stateGet(st, 'momentum_buffer');
        let buf: Tensor;
        if (!(old instanceof Tensor)) {
          // torch.clone(d_p).detach()
          buf = stateLike(p);
          buf.data.set(d);
        } else {
          buf = old;
          averageInPlace(A, buf, d, momentum, 1 - dampening);
        }
        const b = data(buf);
        if (nesterov) {
          const m = A.r(momentum);
          const out = p.dtype.alloc(n);
          for (let i = 0; i < n; i++) out[i] = A.fma(b[i], m, d[i]);
          d = out;
        } else d = b;
        dictSet(st, 'momentum_buffer', buf);
      } else dictSet(st, 'momentum_buffer', null);
      const alpha = A.r(-lr);
      updateInPlace(p, 1, (x) => {
        for (let i = 0; i < n; i++) x[i] = A.fma(d[i], alpha, x[i]);
      });
    }
  },
};

function adamArgs(weightDecay: PyValue, kwOnly: string[]): Algorithm['args'] {
  return [
    { name: 'lr', dflt: f(1e-3) },
    { name: 'betas', dflt: new PyTuple([f(0.9), f(0.999)]) },
    { name: 'eps', dflt: f(1e-8) },
    { name: 'weight_decay', dflt: weightDecay },
    { name: 'amsgrad', dflt: false },
    ...kwOnly.map((name) => ({ name, dflt: name === 'foreach' ? null : false, kwOnly: true })),
  ];
}

function validateAdam(a: Record<string, PyValue>): void {
  atLeastZero(a, 'lr', 'learning rate');
  atLeastZero(a, 'eps', 'epsilon value');
  checkBetas(a.betas);
  atLeastZero(a, 'weight_decay', 'weight_decay value');
}

/** One Adam/AdamW step of a group; `decoupled` is AdamW's `param.mul_(1 - lr * weight_decay)`. */
function adamStep(opt: Parameters<Algorithm['step']>[0], g: PyDict, decoupled: boolean): void {
  const [beta1, beta2] = [...hostServices().iterate(groupGet(g, 'betas'))].map(toFloat);
  const lr = groupNum(g, 'lr');
  const wd = groupNum(g, 'weight_decay');
  const eps = groupNum(g, 'eps');
  const amsgrad = groupFlag(g, 'amsgrad');
  const maximize = groupFlag(g, 'maximize');
  for (const p of paramsWithGrad(g)) {
    const A = arithOf(p);
    const n = p.numel();
    const st = stateOf(opt, p);
    if (st.map.size === 0) {
      dictSet(st, 'step', stepTensor());
      dictSet(st, 'exp_avg', stateLike(p));
      dictSet(st, 'exp_avg_sq', stateLike(p));
      if (amsgrad) dictSet(st, 'max_exp_avg_sq', stateLike(p));
    }
    let grad = gradValues(p, maximize);
    const step = advance(stateGet(st, 'step') as Tensor);
    if (decoupled) {
      const s = A.r(1 - lr * wd);
      updateInPlace(p, 1, (x) => {
        for (let i = 0; i < n; i++) x[i] = A.r(x[i] * s);
      });
    } else if (wd !== 0) grad = withWeightDecay(A, grad, p, wd);
    averageInPlace(A, stateGet(st, 'exp_avg') as Tensor, grad, beta1, 1 - beta1);
    averageSquareInPlace(A, stateGet(st, 'exp_avg_sq') as Tensor, grad, beta2, 1 - beta2);
    const stepSize = lr / (1 - floatPow(beta1, step));
    const bc2Sqrt = A.r(Math.sqrt(1 - floatPow(beta2, step)));
    let second = data(stateGet(st, 'exp_avg_sq') as Tensor);
    if (amsgrad) {
      const v = second;
      updateInPlace(stateGet(st, 'max_exp_avg_sq') as Tensor, 1, (mx) => {
        for (let i = 0; i < n; i++) mx[i] = Math.max(mx[i], v[i]);
      });
      second = data(stateGet(st, 'max_exp_avg_sq') as Tensor);
    }
    const e = A.r(eps);
    const m = data(stateGet(st, 'exp_avg') as Tensor);
    const value = A.r(-stepSize);
    updateInPlace(p, 1, (x) => {
      for (let i = 0; i < n; i++) {
        // denom = (v.sqrt() / bias_correction2_sqrt).add_(eps); param.addcdiv_(m, denom, value=-step_size)
        const denom = A.r(A.r(A.r(Math.sqrt(second[i])) / bc2Sqrt) + e);
        x[i] = A.r(x[i] + A.r(A.r(value * m[i]) / denom));
      }
    });
  }
}

export const adam: Algorithm = {
  name: 'Adam',
  module: 'torch.optim.adam',
  args: adamArgs(0, ['foreach', 'maximize', 'capturable', 'differentiable', 'fused']),
  validate: validateAdam,
  defaults: (a) => pick(a, ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'maximize', 'foreach', 'capturable', 'differentiable', 'fused']),
  step: (opt, g) => adamStep(opt, g, false),
};

export const adamw: Algorithm = {
  name: 'AdamW',
  module: 'torch.optim.adamw',
  args: adamArgs(f(1e-2), ['maximize', 'foreach', 'capturable']),
  validate: validateAdam,
  defaults: (a) => pick(a, ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'foreach', 'maximize', 'capturable']),
  step: (opt, g) => adamStep(opt, g, true),
};

export const rmsprop: Algorithm = {
  name: 'RMSprop',
  module: 'torch.optim.rmsprop',
  args: [
    { name: 'lr', dflt: f(1e-2) },
    { name: 'alpha', dflt: f(0.99) },
    { name: 'eps', dflt: f(1e-8) },
    { name: 'weight_decay', dflt: 0 },
    { name: 'momentum', dflt: 0 },
    { name: 'centered', dflt: false },
    { name: 'foreach', dflt: null },
    { name: 'maximize', dflt: false },
    { name: 'differentiable', dflt: false },
  ],
  validate(a) {
    atLeastZero(a, 'lr', 'learning rate');
    atLeastZero(a, 'eps', 'epsilon value');
    atLeastZero(a, 'momentum', 'momentum value');
    atLeastZero(a, 'weight_decay', 'weight_decay value');
    atLeastZero(a, 'alpha', 'alpha value');
  },
  defaults: (a) => pick(a, ['lr', 'momentum', 'alpha', 'eps', 'centered', 'weight_decay', 'foreach', 'maximize', 'differentiable']),
  step(opt, g) {
    const lr = groupNum(g, 'lr');
    const alpha = groupNum(g, 'alpha');
    const eps = groupNum(g, 'eps');
    const wd = groupNum(g, 'weight_decay');
    const momentum = groupNum(g, 'momentum');
    const centered = groupFlag(g, 'centered');
    const maximize = groupFlag(g, 'maximize');
    for (const p of paramsWithGrad(g)) {
      const A = arithOf(p);
      const n = p.numel();
      const st = stateOf(opt, p);
      if (st.map.size === 0) {
        dictSet(st, 'step', 0);
        dictSet(st, 'square_avg', stateLike(p));
        if (momentum > 0) dictSet(st, 'momentum_buffer', stateLike(p));
        if (centered) dictSet(st, 'grad_avg', stateLike(p));
      }
      dictSet(st, 'step', toFloat(stateGet(st, 'step')) + 1);
      const grad = decayedGrad(A, p, maximize, wd);
      const sqT = stateGet(st, 'square_avg') as Tensor;
      averageSquareInPlace(A, sqT, grad, alpha, 1 - alpha);
      const sq = data(sqT);
      const avg = p.dtype.alloc(n);
      const e = A.r(eps);
      if (centered) {
        const gaT = stateGet(st, 'grad_avg') as Tensor;
        averageInPlace(A, gaT, grad, alpha, 1 - alpha);
        const ga = data(gaT);
        // square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_().add_(eps)
        for (let i = 0; i < n; i++) avg[i] = A.r(A.r(Math.sqrt(A.fma(-ga[i], ga[i], sq[i]))) + e);
      } else for (let i = 0; i < n; i++) avg[i] = A.r(A.r(Math.sqrt(sq[i])) + e);
      const negLr = A.r(-lr);
      if (momentum > 0) {
        const bufT = stateGet(st, 'momentum_buffer') as Tensor;
        const m = A.r(momentum);
        updateInPlace(bufT, 2, (b) => {
          for (let i = 0; i < n; i++) b[i] = A.r(A.r(b[i] * m) + A.r(grad[i] / avg[i]));
        });
        const b = data(bufT);
        updateInPlace(p, 1, (x) => {
          for (let i = 0; i < n; i++) x[i] = A.fma(b[i], negLr, x[i]);
        });
      } else {
        updateInPlace(p, 1, (x) => {
          for (let i = 0; i < n; i++) x[i] = A.r(x[i] + A.r(A.r(negLr * grad[i]) / avg[i]));
        });
      }
    }
  },
};

export const adagrad: Algorithm = {
  name: 'Adagrad',
  module: 'torch.optim.adagrad',
  args: [
    { name: 'lr', dflt: f(1e-2) },
    { name: 'lr_decay', dflt: 0 },
    { name: 'weight_decay', dflt: 0 },
    { name: 'initial_accumulator_value', dflt: 0 },
    { name: 'eps', dflt: f(1e-10) },
    { name: 'foreach', dflt: null },
    { name: 'maximize', dflt: false, kwOnly: true },
  ],
  validate(a) {
    atLeastZero(a, 'lr', 'learning rate');
    atLeastZero(a, 'lr_decay', 'lr_decay value');
    atLeastZero(a, 'weight_decay', 'weight_decay value');
    atLeastZero(a, 'initial_accumulator_value', 'initial_accumulator_value value');
    atLeastZero(a, 'eps', 'epsilon value');
  },
  defaults: (a) => pick(a, ['lr', 'lr_decay', 'eps', 'weight_decay', 'initial_accumulator_value', 'foreach', 'maximize']),
  init(opt) {
    for (const g of opt.paramGroups.items) {
      const init = groupNum(g as PyDict, 'initial_accumulator_value');
      for (const p of hostServices().iterate(groupGet(g as PyDict, 'params'))) {
        const st = stateOf(opt, p as Tensor);
        dictSet(st, 'step', stepTensor());
        dictSet(st, 'sum', stateLike(p as Tensor, init));
      }
    }
  },
  step(opt, g) {
    const lr = groupNum(g, 'lr');
    const lrDecay = groupNum(g, 'lr_decay');
    const wd = groupNum(g, 'weight_decay');
    const eps = groupNum(g, 'eps');
    const maximize = groupFlag(g, 'maximize');
    for (const p of paramsWithGrad(g)) {
      const A = arithOf(p);
      const n = p.numel();
      const st = stateOf(opt, p);
      const step = advance(stateGet(st, 'step') as Tensor);
      const grad = decayedGrad(A, p, maximize, wd);
      const clr = lr / (1 + (step - 1) * lrDecay);
      const sumT = stateGet(st, 'sum') as Tensor;
      updateInPlace(sumT, 1, (s) => {
        for (let i = 0; i < n; i++) s[i] = A.fma(grad[i], grad[i], s[i]);
      });
      const s = data(sumT);
      const e = A.r(eps);
      const value = A.r(-clr);
      updateInPlace(p, 1, (x) => {
        for (let i = 0; i < n; i++) x[i] = A.r(x[i] + A.r(A.r(value * grad[i]) / A.r(A.r(Math.sqrt(s[i])) + e)));
      });
    }
  },
};

export const ALGORITHMS: Algorithm[] = [sgd, adam, adamw, rmsprop, adagrad];
