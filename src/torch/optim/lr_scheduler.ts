/**
 * torch.optim.lr_scheduler.StepLR / ExponentialLR / LambdaLR (PyTorch 1.13's _LRScheduler):
 * construction sets each group's 'initial_lr' and takes the first step (last_epoch 0);
 * each step() writes the new lr into the optimizer's param groups. StepLR and
 * ExponentialLR use 1.13's chained form (the group's current lr times gamma).
 */
import { PyError, typeError, valueError, warn } from '../../tensor/errors.js';
import { dictSet } from '../../python/collection-methods.js';
import { BuiltinFunction, PyClass, type PyDict } from '../../python/objects.js';
import { formatValue } from '../../python/str-methods.js';
import { truthy } from '../../python/ops.js';
import { objectClass } from '../../python/types.js';
import { type Kwargs, PyFloat, PyList, PyTuple, type PyType, type PyValue, definePyType, hostServices, pyTypeName } from '../../python/values.js';
import { toFloat, toInt } from '../pyconv.js';
import { type ArgSpec, bindArgs } from './bind.js';
import { Optimizer, groupGet } from './optimizer.js';

interface SchedulerKind {
  name: string;
  args: ArgSpec[];
  /** The new lr of group i (get_lr). */
  lr(s: Scheduler, group: PyDict, i: number): PyValue;
}

class Scheduler {
  lastEpoch: number;
  stepCount = 0;
  lastLr = new PyList([]);
  readonly baseLrs: PyList;
  constructor(
    readonly kind: SchedulerKind,
    readonly optimizer: Optimizer,
    readonly a: Record<string, PyValue>,
    readonly lambdas: PyValue[],
  ) {
    this.lastEpoch = toInt(a.last_epoch);
    this.baseLrs = new PyList(optimizer.paramGroups.items.map((g) => groupGet(g as PyDict, 'initial_lr')));
  }
}

const groups = (s: Scheduler): PyDict[] => s.optimizer.paramGroups.items as PyDict[];

/** Python's `a * b` for the int/float values lrs and factors are. */
function pyMul(a: PyValue, b: PyValue): PyValue {
  const isInt = (v: PyValue) => typeof v === 'number' || typeof v === 'boolean';
  if (isInt(a) && isInt(b)) return Number(a) * Number(b);
  return new PyFloat(toFloat(a) * toFloat(b));
}

const START = "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate";

function step(s: Scheduler): PyValue {
  if (s.stepCount === 1 && s.optimizer.stepCount < 1) warn('UserWarning', START);
  s.stepCount++;
  s.lastEpoch++;
  const values = groups(s).map((g, i) => s.kind.lr(s, g, i));
  groups(s).forEach((g, i) => {
    dictSet(g, 'lr', values[i]);
    if (truthy(s.a.verbose)) hostServices().write(`Adjusting learning rate of group ${i} to ${formatValue(values[i], '.4e')}.\n`);
  });
  s.lastLr = new PyList(groups(s).map((g) => groupGet(g, 'lr')));
  return null;
}

/** 1.13's chained form: unchanged at epoch 0 and between decays, else times gamma. */
const chained = (decays: (s: Scheduler) => boolean) => (s: Scheduler, g: PyDict) =>
  s.lastEpoch === 0 || !decays(s) ? groupGet(g, 'lr') : pyMul(groupGet(g, 'lr'), s.a.gamma);

const common: ArgSpec[] = [
  { name: 'last_epoch', dflt: -1 },
  { name: 'verbose', dflt: false },
];

const KINDS: SchedulerKind[] = [
  {
    name: 'StepLR',
    args: [{ name: 'optimizer' }, { name: 'step_size' }, { name: 'gamma', dflt: new PyFloat(0.1) }, ...common],
    lr: chained((s) => s.lastEpoch % toInt(s.a.step_size) === 0),
  },
  {
    name: 'ExponentialLR',
    args: [{ name: 'optimizer' }, { name: 'gamma' }, ...common],
    lr: chained(() => true),
  },
  {
    name: 'LambdaLR',
    args: [{ name: 'optimizer' }, { name: 'lr_lambda' }, ...common],
    lr: (s, _g, i) => pyMul(s.baseLrs.items[i], hostServices().call(s.lambdas[i], [s.lastEpoch])),
  },
];

function construct(kind: SchedulerKind, args: PyValue[], kwargs: Kwargs | null): Scheduler {
  const a = bindArgs(`${kind.name}.__init__()`, kind.args, args, kwargs);
  const opt = a.optimizer;
  if (!(opt instanceof Optimizer)) throw typeError(`${pyTypeName(opt)} is not an Optimizer`);
  const gs = opt.paramGroups.items as PyDict[];
  let lambdas: PyValue[] = [];
  if (kind.name === 'LambdaLR') {
    const f = a.lr_lambda;
    if (f instanceof PyList || f instanceof PyTuple) {
      lambdas = [...hostServices().iterate(f)];
      if (lambdas.length !== gs.length) throw valueError(`Expected ${gs.length} lr_lambdas, but got ${lambdas.length}`);
    } else lambdas = gs.map(() => f);
  }
  if (toInt(a.last_epoch) === -1) {
    for (const g of gs) if (!g.map.has('initial_lr')) dictSet(g, 'initial_lr', groupGet(g, 'lr'));
  } else {
    gs.forEach((g, i) => {
      if (!g.map.has('initial_lr')) throw new PyError('KeyError', `param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`);
    });
  }
  const s = new (classes.get(kind)!.make)(kind, opt, a, lambdas);
  opt.stepCount = 0;
  step(s);
  return s;
}

const METHODS: Record<string, (s: Scheduler, args: PyValue[]) => PyValue> = {
  step: (s) => step(s),
  get_last_lr: (s) => new PyList(s.lastLr.items.slice()),
  get_lr: (s) => new PyList(groups(s).map((g, i) => s.kind.lr(s, g, i))),
};

const schedulerType: Omit<PyType<Scheduler>, 'name'> = {
  module: 'torch.optim.lr_scheduler',
  getattr(self, name) {
    switch (name) {
      case 'optimizer':
        return self.optimizer;
      case 'last_epoch':
        return self.lastEpoch;
      case 'base_lrs':
        return self.baseLrs;
      case '_step_count':
        return self.stepCount;
      case '_last_lr':
        return self.lastLr;
    }
    if (name in self.a && name !== 'optimizer' && name !== 'lr_lambda') return self.a[name];
    const m = METHODS[name];
    return m ? new BuiltinFunction(name, (args) => m(self, args), self) : undefined;
  },
  setattr(self, name, value) {
    if (name === 'last_epoch') self.lastEpoch = toInt(value);
    else if (name in self.a && name !== 'optimizer' && name !== 'lr_lambda') self.a[name] = value;
    else return false;
    return true;
  },
};

/** A JS subclass and a Python class per scheduler, so that `type(s).__name__` is 'StepLR', ... */
const classes = new Map<SchedulerKind, { make: typeof Scheduler; pyClass: PyClass }>();
for (const kind of KINDS) {
  const make = class extends Scheduler {};
  const pyClass = new PyClass(kind.name, [objectClass]);
  pyClass.module = 'torch.optim.lr_scheduler';
  pyClass.construct = (args, kwargs) => construct(kind, args, kwargs);
  definePyType<Scheduler>(make, { ...schedulerType, name: kind.name, pyClass });
  classes.set(kind, { make, pyClass });
}

export function lrSchedulerModule(): Record<string, PyValue> {
  const out: Record<string, PyValue> = {};
  for (const [kind, { pyClass }] of classes) out[kind.name] = pyClass;
  return out;
}
