/** torch.nn.functional: activations and losses, with PyTorch's deprecation and implicit-dim warnings. */
import * as ops from '../ops/index.js';
import * as loss from '../ops/loss.js';
import { unary_ } from '../ops/inplace.js';
import { warn } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { PyValue } from '../python/values.js';
import { callEntry, def, torchFunctions } from './functions.js';
import { toDtype, toFloat, toInt } from './pyconv.js';
import type { Bound } from './signature.js';

const T = (v: PyValue) => v as Tensor;

/** F.softmax(input, dim=None): PyTorch's _get_softmax_dim when dim is None. */
function implicitDim(name: string, x: Tensor): number {
  warn('UserWarning', `Implicit dimension choice for ${name} has been deprecated. Change the call to include dim=X as an argument.`);
  const nd = x.dim();
  return nd === 0 || nd === 1 || nd === 3 ? 0 : 1;
}

function softmaxLike(name: 'softmax' | 'log_softmax', f: (x: Tensor, dim: number) => Tensor) {
  return (args: PyValue[], kwargs: Map<string, PyValue> | null): PyValue => {
    const get = (i: number, key: string) => (args.length > i ? args[i] : kwargs?.get(key) ?? null);
    const x = T(get(0, 'input'));
    const d = get(1, 'dim');
    const dt = toDtype(get(3, 'dtype'));
    const input = dt ? ops.toDtype(x, dt) : x;
    return f(input, d === null ? implicitDim(name, x) : toInt(d));
  };
}

const reduction = (b: Bound): string => {
  if (b.size_average !== null || b.reduce !== null) {
    const sizeAverage = b.size_average !== false;
    const reduce = b.reduce !== false;
    return !reduce ? 'none' : sizeAverage ? 'mean' : 'sum';
  }
  return b.reduction as string;
};

const LOSS_TAIL = 'bool? size_average=None, bool? reduce=None, str reduction="mean"';
const fn: Record<string, PyValue> = {};

function local(sigs: string[], impl: (b: Bound, i: number) => PyValue): void {
  // F functions are plain Python functions in PyTorch; their errors use the same parser texts
  const before = new Map(torchFunctions);
  def(sigs, impl, { only: 'fn' });
  const name = sigs[0].slice(0, sigs[0].indexOf('('));
  const entry = torchFunctions.get(name)!;
  if (before.has(name)) torchFunctions.set(name, before.get(name)!);
  else torchFunctions.delete(name);
  fn[name] = (args: PyValue[], kwargs: Map<string, PyValue> | null) => callEntry(entry, args, kwargs);
}

local([`mse_loss(Tensor input, Tensor target, ${LOSS_TAIL})`], (b) => loss.mseLoss(T(b.input), T(b.target), reduction(b)));
local([`l1_loss(Tensor input, Tensor target, ${LOSS_TAIL})`], (b) => loss.l1Loss(T(b.input), T(b.target), reduction(b)));
local([`smooth_l1_loss(Tensor input, Tensor target, ${LOSS_TAIL}, float beta=1.0)`], (b) =>
  loss.smoothL1Loss(T(b.input), T(b.target), reduction(b), toFloat(b.beta)),
);
local([`binary_cross_entropy(Tensor input, Tensor target, Tensor? weight=None, ${LOSS_TAIL})`], (b) =>
  loss.binaryCrossEntropy(T(b.input), T(b.target), reduction(b)),
);
local([`binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight=None, ${LOSS_TAIL}, Tensor? pos_weight=None)`], (b) =>
  loss.binaryCrossEntropyWithLogits(T(b.input), T(b.target), reduction(b)),
);
local([`nll_loss(Tensor input, Tensor target, Tensor? weight=None, bool? size_average=None, int ignore_index=-100, bool? reduce=None, str reduction="mean")`], (b) =>
  loss.nllLoss(T(b.input), T(b.target), b.weight as Tensor | null, reduction(b), toInt(b.ignore_index)),
);
local(
  [`cross_entropy(Tensor input, Tensor target, Tensor? weight=None, bool? size_average=None, int ignore_index=-100, bool? reduce=None, str reduction="mean", float label_smoothing=0.0)`],
  (b) => loss.crossEntropy(T(b.input), T(b.target), b.weight as Tensor | null, reduction(b), toInt(b.ignore_index)),
);

export function functionalModule(): Record<string, PyValue> {
  const relu = torchFunctions.get('relu')!;
  return {
    ...fn,
    relu: (args: PyValue[], kwargs: Map<string, PyValue> | null) => {
      if (kwargs?.get('inplace') === true || args[1] === true) return unary_(T(args[0]), ops.relu);
      const k = kwargs && kwargs.has('inplace') ? new Map([...kwargs].filter(([key]) => key !== 'inplace')) : kwargs;
      return callEntry(relu, args.slice(0, 1), k);
    },
    sigmoid: (args: PyValue[]) => {
      warn('UserWarning', 'nn.functional.sigmoid is deprecated. Use torch.sigmoid instead.');
      return ops.sigmoid(T(args[0]));
    },
    tanh: (args: PyValue[]) => {
      warn('UserWarning', 'nn.functional.tanh is deprecated. Use torch.tanh instead.');
      return ops.tanh(T(args[0]));
    },
    softmax: softmaxLike('softmax', ops.softmax),
    log_softmax: softmaxLike('log_softmax', ops.logSoftmax),
  };
}
