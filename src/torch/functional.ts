/** torch.nn.functional: activations and losses, with PyTorch's deprecation and implicit-dim warnings. */
import * as ops from '../ops/index.js';
import * as loss from '../ops/loss.js';
import * as act from '../ops/activation.js';
import * as nnf from '../ops/nn_functional.js';
import * as shrink from '../ops/math_extra.js';
import { inplace, unary_ } from '../ops/inplace.js';
import { runtimeError, warn } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { PyValue } from '../python/values.js';
import { callEntry, def, torchFunctions } from './functions.js';
import { toDtype, toFloat, toInt, toShape } from './pyconv.js';
import type { Bound } from './signature.js';

const T = (v: PyValue) => v as Tensor;

/** F.softmax(input, dim=None): PyTorch's _get_softmax_dim when dim is None. */
function implicitDim(name: string, x: Tensor): number {
  warn('UserWarning', `Implicit dimension choice for ${name} has been deprecated. Change the call to include dim=X as an argument.`);
  const nd = x.dim();
  return nd === 0 || nd === 1 || nd === 3 ? 0 : 1;
}

function softmaxLike(name: 'softmax' | 'softmin' | 'log_softmax', f: (x: Tensor, dim: number) => Tensor) {
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
  loss.binaryCrossEntropy(T(b.input), T(b.target), reduction(b), b.weight as Tensor | null),
);
local([`binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight=None, ${LOSS_TAIL}, Tensor? pos_weight=None)`], (b) =>
  loss.binaryCrossEntropyWithLogits(T(b.input), T(b.target), reduction(b), b.weight as Tensor | null, b.pos_weight as Tensor | null),
);
local(['huber_loss(Tensor input, Tensor target, str reduction="mean", float delta=1.0)'], (b) =>
  loss.huberLoss(T(b.input), T(b.target), b.reduction as string, toFloat(b.delta)),
);
local([`kl_div(Tensor input, Tensor target, ${LOSS_TAIL}, bool log_target=False)`], (b) =>
  loss.klDiv(T(b.input), T(b.target), reduction(b), b.log_target === true),
);
local([`nll_loss(Tensor input, Tensor target, Tensor? weight=None, bool? size_average=None, int ignore_index=-100, bool? reduce=None, str reduction="mean")`], (b) =>
  loss.nllLoss(T(b.input), T(b.target), b.weight as Tensor | null, reduction(b), toInt(b.ignore_index)),
);
local(
  [`cross_entropy(Tensor input, Tensor target, Tensor? weight=None, bool? size_average=None, int ignore_index=-100, bool? reduce=None, str reduction="mean", float label_smoothing=0.0)`],
  (b) => loss.crossEntropy(T(b.input), T(b.target), b.weight as Tensor | null, reduction(b), toInt(b.ignore_index), toFloat(b.label_smoothing)),
);

// ---- activations (torch.nn.functional; F.x(..., inplace=True) applies it in place) -----------
const inplaceOr = (b: Bound, x: Tensor, f: (src: Tensor, variant: 'out' | 'inplace') => Tensor): Tensor =>
  b.inplace === true ? inplace(x, (src) => f(src, 'inplace')) : f(x, 'out');
local(['leaky_relu(Tensor input, float negative_slope=0.01, bool inplace=False)'], (b) =>
  inplaceOr(b, T(b.input), (x, v) => act.leakyRelu(x, toFloat(b.negative_slope), v)),
);
local(['gelu(Tensor input, *, str approximate="none")'], (b) => act.gelu(T(b.input), b.approximate as string));
local(['elu(Tensor input, float alpha=1.0, bool inplace=False)'], (b) => inplaceOr(b, T(b.input), (x, v) => act.elu(x, toFloat(b.alpha), v)));
local(['selu(Tensor input, bool inplace=False)'], (b) => inplaceOr(b, T(b.input), (x, v) => act.selu(x, v)));
local(['celu(Tensor input, float alpha=1.0, bool inplace=False)'], (b) => inplaceOr(b, T(b.input), (x, v) => act.celu(x, toFloat(b.alpha), v)));
local(['softplus(Tensor input, Scalar beta=1, Scalar threshold=20)'], (b) => act.softplus(T(b.input), toFloat(b.beta), toFloat(b.threshold)));
local(['hardtanh(Tensor input, float min_val=-1.0, float max_val=1.0, bool inplace=False)'], (b) =>
  inplaceOr(b, T(b.input), (x, v) => act.hardtanh(x, toFloat(b.min_val), toFloat(b.max_val), v)),
);
for (const [name, f] of [
  ['relu6', act.relu6],
  ['hardsigmoid', act.hardsigmoid],
  ['hardswish', act.hardswish],
  ['silu', act.silu],
  ['mish', act.mish],
] as const)
  local([`${name}(Tensor input, bool inplace=False)`], (b) => inplaceOr(b, T(b.input), f));
local(['logsigmoid(Tensor input)'], (b) => act.logsigmoid(T(b.input)));
local(['softsign(Tensor input)'], (b) => act.softsign(T(b.input)));
local(['tanhshrink(Tensor input)'], (b) => act.tanhshrink(T(b.input)));
local(['hardshrink(Tensor input, float lambd=0.5)'], (b) => shrink.hardshrink(T(b.input), toFloat(b.lambd)));
local(['softshrink(Tensor input, float lambd=0.5)'], (b) => shrink.softshrink(T(b.input), toFloat(b.lambd)));

// ---- layers, normalisation, distances ---------------------------------------------------------
local(['linear(Tensor input, Tensor weight, Tensor? bias=None)'], (b) => nnf.linear(T(b.input), T(b.weight), b.bias as Tensor | null));
local(['dropout(Tensor input, float p=0.5, bool training=True, bool inplace=False)'], (b) =>
  nnf.dropout(T(b.input), toFloat(b.p), b.training === true, b.inplace === true),
);
local(['normalize(Tensor input, float p=2.0, int dim=1, float eps=1e-12, Tensor? out=None)'], (b) =>
  nnf.normalize(T(b.input), toFloat(b.p), toInt(b.dim), toFloat(b.eps)),
);
local(['cosine_similarity(Tensor x1, Tensor x2, int dim=1, float eps=1e-08)'], (b) => nnf.cosineSimilarity(T(b.x1), T(b.x2), toInt(b.dim), toFloat(b.eps)));
local(['pairwise_distance(Tensor x1, Tensor x2, float p=2, float eps=1e-06, bool keepdim=False)'], (b) =>
  nnf.pairwiseDistance(T(b.x1), T(b.x2), toFloat(b.p), toFloat(b.eps), b.keepdim === true),
);
local(['one_hot(Tensor input, int num_classes=-1)'], (b) => nnf.oneHot(T(b.input), toInt(b.num_classes)));
local(['pad(Tensor input, SymInt[] pad, str mode="constant", float? value=None)'], (b) => {
  if (b.mode !== 'constant') throw runtimeError(`F.pad mode '${b.mode as string}' is not supported by gradviz`);
  return nnf.constantPad(T(b.input), toShape(b.pad), b.value === null ? 0 : toFloat(b.value));
});

// ---- the torch.X forms PyTorch 1.13 has for some of them ------------------------------------
def(['selu(Tensor input)'], (b) => act.selu(T(b.input)), { only: 'fn' });
def(['selu_(Tensor input)'], (b) => inplace(T(b.input), (x) => act.selu(x, 'inplace')), { only: 'fn' });
def(['celu(Tensor input, Scalar alpha=1.0)'], (b) => act.celu(T(b.input), toFloat(b.alpha)), { only: 'fn' });
def(['celu_(Tensor input, Scalar alpha=1.0)'], (b) => inplace(T(b.input), (x) => act.celu(x, toFloat(b.alpha), 'inplace')), { only: 'fn' });
def(['dropout(Tensor input, float p, bool train)'], (b) => nnf.dropout(T(b.input), toFloat(b.p), b.train === true, false), { only: 'fn' });
def(['dropout_(Tensor input, float p, bool train)'], (b) => nnf.dropout(T(b.input), toFloat(b.p), b.train === true, true), { only: 'fn' });
def(['cosine_similarity(Tensor x1, Tensor x2, int dim=1, float eps=1e-08)'], (b) => nnf.cosineSimilarity(T(b.x1), T(b.x2), toInt(b.dim), toFloat(b.eps)), {
  only: 'fn',
});
def(['pairwise_distance(Tensor x1, Tensor x2, float p=2, float eps=1e-06, bool keepdim=False)'], (b) =>
  nnf.pairwiseDistance(T(b.x1), T(b.x2), toFloat(b.p), toFloat(b.eps), b.keepdim === true),
  { only: 'fn' },
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
    softmin: softmaxLike('softmin', (x, dim) => ops.softmax(ops.neg(x), dim)),
    log_softmax: softmaxLike('log_softmax', ops.logSoftmax),
  };
}
