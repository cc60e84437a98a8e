/**
 * torch.optim.Optimizer as a program sees it (PyTorch 1.13's optimizer.py): param_groups
 * is a real list of real dicts (a program may change a group's 'lr' between steps), state
 * a dict keyed by parameter, and every hyperparameter is read from the group at each step.
 * The concrete algorithms (algorithms.ts) only declare their arguments and their update.
 */
import { zero_ } from '../../ops/inplace.js';
import { float32, float64, type Storage } from '../../tensor/dtype.js';
import { PyError, typeError, valueError, warn } from '../../tensor/errors.js';
import { contiguousStrides } from '../../tensor/shape.js';
import { contiguousData, forEachOffset, Tensor } from '../../tensor/tensor.js';
import { withGradMode } from '../../autograd/grad_mode.js';
import { dictSet } from '../../python/collection-methods.js';
import { BuiltinFunction, PyClass, PyDict, PySet } from '../../python/objects.js';
import { lookupAttr } from '../../python/attrs.js';
import { hashKey, truthy } from '../../python/ops.js';
import { objectClass } from '../../python/types.js';
import { type Kwargs, PyList, type PyValue, definePyType, hostServices, pyTypeName } from '../../python/values.js';
import { toFloat } from '../pyconv.js';
import { type Arith, F32, F64 } from './arith.js';
import { type ArgSpec, bindArgs } from './bind.js';

/** PyTorch's `required` sentinel (SGD's lr): a group must then give the value itself. */
class RequiredParameter {}
definePyType(RequiredParameter, { name: '_RequiredParameter', module: 'torch.optim.optimizer', repr: () => '<required parameter>' });
export const REQUIRED = new RequiredParameter();

export interface Algorithm {
  name: string;
  module: string;
  /** The constructor's parameters after `params` (SGD's lr defaults to REQUIRED). */
  args: ArgSpec[];
  /** PyTorch's argument checks, in its order (ValueError texts). */
  validate(a: Record<string, PyValue>): void;
  /** The `defaults` dict, in PyTorch's key order. */
  defaults(a: Record<string, PyValue>): [string, PyValue][];
  /** Adagrad fills its state at construction. */
  init?(opt: Optimizer): void;
  step(opt: Optimizer, group: PyDict): void;
}

export const optimizerClass = new PyClass('Optimizer', [objectClass]);
optimizerClass.module = 'torch.optim.optimizer';

export class Optimizer {
  readonly paramGroups = new PyList([]);
  /** parameter -> its state dict (a program sees it through StateDict). */
  state = new PyDict();
  readonly stateView = new StateDict(this);
  /** `_step_count`: the lr schedulers' check that optimizer.step() came first. */
  stepCount = 0;
  /** Attributes a program sets on the optimizer. */
  readonly extra = new Map<string, PyValue>();
  constructor(
    readonly algo: Algorithm,
    readonly defaults: PyDict,
  ) {}
}

/** `opt.state`: PyTorch's defaultdict(dict) over the optimizer's state dict. */
class StateDict {
  constructor(readonly opt: Optimizer) {}
}
definePyType<StateDict>(StateDict, {
  name: 'defaultdict',
  module: 'collections',
  repr: (self) => `defaultdict(<class 'dict'>, ${hostServices().repr(self.opt.state)})`,
  str: (self) => `defaultdict(<class 'dict'>, ${hostServices().repr(self.opt.state)})`,
  getitem: (self, key) => stateOf(self.opt, key),
  setitem: (self, key, value) => dictSet(self.opt.state, key, value),
  len: (self) => self.opt.state.map.size,
  iter: (self) => [...self.opt.state.map.values()].map((e) => e.k)[Symbol.iterator](),
  contains: (self, key) => self.opt.state.map.has(hashKey(key)),
  bool: (self) => self.opt.state.map.size > 0,
  getattr: (self, name) => lookupAttr(self.opt.state, name),
});

export const groupGet = (g: PyDict, key: string): PyValue => {
  const e = g.map.get(key);
  if (e === undefined) throw new PyError('KeyError', `'${key}'`);
  return e.v;
};
export const groupNum = (g: PyDict, key: string): number => toFloat(groupGet(g, key));
export const groupFlag = (g: PyDict, key: string): boolean => truthy(groupGet(g, key));

/** The parameters of a group that have a gradient (the ones a step updates). */
export function paramsWithGrad(g: PyDict): Tensor[] {
  const out: Tensor[] = [];
  for (const p of hostServices().iterate(groupGet(g, 'params'))) if (p instanceof Tensor && p.grad !== null) out.push(p);
  return out;
}

/** `self.state[p]`: created empty on first use, as a defaultdict(dict). */
export function stateOf(opt: Optimizer, p: PyValue): PyDict {
  const e = opt.state.map.get(hashKey(p));
  if (e !== undefined) return e.v as PyDict;
  const d = new PyDict();
  dictSet(opt.state, p, d);
  return d;
}

export const stateGet = (s: PyDict, key: string): PyValue => s.map.get(key)?.v;

export const arithOf = (t: Tensor): Arith => (t.dtype === float64 ? F64 : F32);

/** A fresh state tensor shaped like p (zeros_like / full_like). */
export function stateLike(p: Tensor, value = 0): Tensor {
  const n = p.numel();
  const data = p.dtype.alloc(n);
  if (value !== 0) data.fill(value);
  return new Tensor(data, p.shape.slice(), contiguousStrides(p.shape), 0, p.dtype);
}

/** `torch.tensor(0.)`: the float32 step counter Adam, AdamW and Adagrad keep. */
export const stepTensor = (): Tensor => new Tensor(new Float32Array(1), [], [], 0, float32);

/** The gradient's values, negated for maximize (a new array then; the grad itself is never written). */
export function gradValues(p: Tensor, maximize: boolean): Storage {
  const g = contiguousData(p.grad!);
  if (!maximize) return g;
  const out = p.dtype.alloc(g.length);
  for (let i = 0; i < g.length; i++) out[i] = -g[i];
  return out;
}

/** `grad.add(param, alpha=wd)`: weight decay into a new array. */
export function withWeightDecay(A: Arith, g: Storage, p: Tensor, wd: number): Storage {
  const x = contiguousData(p);
  const a = A.r(wd);
  const out = p.dtype.alloc(g.length);
  for (let i = 0; i < g.length; i++) out[i] = A.fma(x[i], a, g[i]);
  return out;
}

/**
 * Update t's elements in place (`fn` gets them row-major) and count `ops` in-place
 * operations on its version counter, as PyTorch's `add_`/`mul_`/... each do.
 */
export function updateInPlace(t: Tensor, ops: number, fn: (x: Storage) => void): void {
  const n = t.numel();
  if (t.isContiguous()) fn(t.data.subarray(t.offset, t.offset + n));
  else {
    const x = contiguousData(t);
    fn(x);
    let k = 0;
    forEachOffset(t.shape, t.strides, t.offset, (off) => {
      t.data[off] = x[k++];
    });
  }
  t.version.v += ops;
}

/** `torch.typename(obj)` as the constructor's TypeErrors print it. */
const typename = (v: PyValue): string => (v instanceof Tensor ? v.dtype.legacyName : pyTypeName(v));

/** Optimizer.add_param_group: PyTorch's checks and messages, then the defaults filled in. */
export function addParamGroup(opt: Optimizer, group: PyValue): void {
  if (!(group instanceof PyDict)) throw new PyError('AssertionError', 'param group must be a dict');
  const params = group.map.get('params')?.v;
  if (params === undefined) throw new PyError('KeyError', "'params'");
  let list: PyValue[];
  if (params instanceof Tensor) list = [params];
  else if (params instanceof PySet)
    throw typeError('optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.');
  else list = [...hostServices().iterate(params)];
  dictSet(group, 'params', new PyList(list));
  const differentiable = opt.defaults.map.get('differentiable')?.v === true;
  for (const p of list) {
    if (!(p instanceof Tensor)) throw typeError('optimizer can only optimize Tensors, but one of the params is ' + typename(p));
    if (!differentiable && !(p.isLeaf || p.retainsGrad)) throw valueError("can't optimize a non-leaf Tensor");
  }
  for (const { k, v } of opt.defaults.map.values()) {
    if (group.map.has(k)) continue;
    if (v === REQUIRED) throw valueError("parameter group didn't specify a value of required optimization parameter " + String(k));
    dictSet(group, k, v);
  }
  if (new Set(list).size !== list.length)
    warn(
      'UserWarning',
      'optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more information',
    );
  for (const other of opt.paramGroups.items) {
    const taken = new Set(hostServices().iterate(groupGet(other as PyDict, 'params')));
    if (list.some((p) => taken.has(p))) throw valueError('some parameters appear in more than one parameter group');
  }
  opt.paramGroups.items.push(group);
}

/** Optimizer.__init__ for one algorithm. */
function construct(algo: Algorithm, args: PyValue[], kwargs: Kwargs | null): Optimizer {
  const a = bindArgs(`${algo.name}.__init__()`, [{ name: 'params' }, ...algo.args], args, kwargs);
  const params = a.params;
  algo.validate(a);
  const defaults = new PyDict();
  for (const [k, v] of algo.defaults(a)) dictSet(defaults, k, v);
  const opt = new (register(algo).make)(algo, defaults);
  if (params instanceof Tensor)
    throw typeError('params argument given to the optimizer should be an iterable of Tensors or dicts, but got ' + typename(params));
  let groups = [...hostServices().iterate(params)];
  if (groups.length === 0) throw valueError('optimizer got an empty parameter list');
  if (!(groups[0] instanceof PyDict)) {
    const g = new PyDict();
    dictSet(g, 'params', new PyList(groups));
    groups = [g];
  }
  for (const g of groups) addParamGroup(opt, g);
  algo.init?.(opt);
  return opt;
}

/** `print(opt)`: Optimizer.__repr__. */
function optimizerRepr(opt: Optimizer): string {
  const h = hostServices();
  let s = opt.algo.name + ' (';
  opt.paramGroups.items.forEach((g, i) => {
    s += `\nParameter Group ${i}\n`;
    const entries = [...(g as PyDict).map.values()].filter((e) => e.k !== 'params');
    entries.sort((x, y) => (String(x.k) < String(y.k) ? -1 : String(x.k) > String(y.k) ? 1 : 0));
    for (const e of entries) s += `    ${String(e.k)}: ${h.str(e.v)}\n`;
  });
  return s + ')';
}

function step(opt: Optimizer, args: PyValue[], kwargs: Kwargs | null): PyValue {
  const closure = args[0] ?? kwargs?.get('closure') ?? null;
  let loss: PyValue = null;
  if (closure !== null) loss = withGradMode(true, () => hostServices().call(closure, []));
  opt.stepCount++;
  for (const g of opt.paramGroups.items) opt.algo.step(opt, g as PyDict);
  return loss;
}

/** zero_grad(set_to_none=False): 1.13 keeps the grad tensors and zeroes them. */
function zeroGrad(opt: Optimizer, args: PyValue[], kwargs: Kwargs | null): PyValue {
  const toNone = truthy(args[0] ?? kwargs?.get('set_to_none') ?? false);
  for (const g of opt.paramGroups.items) {
    for (const p of hostServices().iterate(groupGet(g as PyDict, 'params'))) {
      if (!(p instanceof Tensor) || p.grad === null) continue;
      if (toNone) p.grad = null;
      else {
        const grad = p.grad;
        grad.gradFn = null; // detach_() for a create_graph grad, requires_grad_(False) otherwise
        grad.requiresGrad = false;
        zero_(grad);
      }
    }
  }
  return null;
}

const METHODS: Record<string, (opt: Optimizer, args: PyValue[], kwargs: Kwargs | null) => PyValue> = {
  step,
  zero_grad: zeroGrad,
  add_param_group: (opt, args) => (addParamGroup(opt, args[0]), null),
};

interface Registered {
  make: new (algo: Algorithm, defaults: PyDict) => Optimizer;
  pyClass: PyClass;
}
const registered = new Map<Algorithm, Registered>();

/** A JS subclass per algorithm, so that `type(opt)` is torch.optim.SGD, ... */
function register(algo: Algorithm): Registered {
  let r = registered.get(algo);
  if (r) return r;
  const make = class extends Optimizer {};
  const pyClass = new PyClass(algo.name, [optimizerClass]);
  pyClass.module = algo.module;
  pyClass.construct = (args, kwargs) => construct(algo, args, kwargs);
  definePyType<Optimizer>(make, {
    name: algo.name,
    module: algo.module,
    pyClass,
    repr: optimizerRepr,
    str: optimizerRepr,
    getattr(self, name) {
      switch (name) {
        case 'param_groups':
          return self.paramGroups;
        case 'state':
          return self.stateView;
        case 'defaults':
          return self.defaults;
        case '_step_count':
          return self.stepCount;
      }
      const m = METHODS[name];
      if (m) return new BuiltinFunction(name, (args, kwargs) => m(self, args, kwargs), self);
      return self.extra.get(name);
    },
    setattr(self, name, value) {
      if (name === '_step_count') self.stepCount = toFloat(value);
      else if (name === 'param_groups' || name === 'defaults' || METHODS[name]) return false;
      else self.extra.set(name, value);
      return true;
    },
  });
  r = { make, pyClass };
  registered.set(algo, r);
  return r;
}

/** The Python class object of an algorithm (torch.optim.SGD, ...). */
export const optimizerClassOf = (algo: Algorithm): PyClass => register(algo).pyClass;
