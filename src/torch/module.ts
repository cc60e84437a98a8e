/**
 * The module objects a program imports: torch (with torch.nn, torch.nn.functional,
 * torch.autograd), torchviz and a minimal numpy. `registerTorchModules()` hands their
 * factories to the interpreter's registry; `torchModules()` lists them.
 */
import { isGradEnabled } from '../autograd/grad_mode.js';
import { defaultFloat, dtypes } from '../tensor/dtype.js';
import { typeError } from '../tensor/errors.js';
import { setPrintOptions } from '../tensor/print.js';
import { defaultGenerator } from '../tensor/random.js';
import { Tensor } from '../tensor/tensor.js';
import { importModule, registerModule } from '../python/modules.js';
import { BuiltinFunction, PyClass, PyModule } from '../python/objects.js';
import { objectClass } from '../python/types.js';
import { type PyValue, pyTypeName, PyList, PyTuple } from '../python/values.js';
import { autogradModule } from './autograd.js';
import { autogradFunctionalModule } from './autograd_functional.js';
import { forwardAdModule } from './forward_ad.js';
import { createOptimModule } from './optim/index.js';
import { cudaModule, deviceClass } from './device.js';
import './creation.js';
import { dtypeObject } from './dtype_object.js';
import { functionalModule } from './functional.js';
import { generatorClass } from './generator.js';
import { torchFunction, torchFunctions } from './functions.js';
import './tensorops_defs.js';
import './tensorops3_defs.js';
import './tensorops2_defs.js';
import './tensorops4_defs.js';
import { einsumFunction } from './einsum_defs.js';
import { broadcastTensorsFunction, meshgridFunction } from './tensor_lists.js';
import { linalgModule } from './linalg.js';
import { enableGrad, inferenceModeGuard, isInferenceModeEnabled, noGrad, setGradEnabledGuard } from './grad_mode.js';
import { fromNumpy, numpyModule } from './numpy.js';
import { toInt } from './pyconv.js';
import { TorchSize } from './size.js';
import { tensorClass } from './tensor_type.js';
import { torchvizModule } from './torchviz.js';
import { tensorFromPy } from './creation.js';

const DTYPE_NAMES: Record<string, keyof typeof dtypes> = {
  float32: 'float32', float: 'float32', float64: 'float64', double: 'float64', float16: 'float16', half: 'float16',
  int64: 'int64', long: 'int64', int32: 'int32', int: 'int32', int16: 'int16', short: 'int16', int8: 'int8',
  uint8: 'uint8', bool: 'bool',
};

/** A fresh module over `entries`: a program may rebind a module's names, and the next run must not see it. */
function moduleOf(name: string, entries: Record<string, PyValue> | ReadonlyMap<string, PyValue>): PyModule {
  const m = new PyModule(name);
  for (const [k, v] of entries instanceof Map ? entries : Object.entries(entries)) m.dict.set(k, v);
  return m;
}

const sizeClass = new PyClass('Size', [objectClass]);
sizeClass.module = 'torch';
sizeClass.construct = (args) => new TorchSize(args.length === 0 ? [] : [...iterInts(args[0])]);
function iterInts(v: PyValue): number[] {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map(toInt);
  if (v instanceof TorchSize) return v.dims.slice();
  throw typeError(`'${pyTypeName(v)}' object is not iterable`);
}
tensorClass.construct = (args) => tensorFromPy(args[0] ?? new PyList([]), defaultFloat);

function setPrintOptionsFn(args: PyValue[], kwargs: Map<string, PyValue> | null): PyValue {
  const names = ['precision', 'threshold', 'edgeitems', 'linewidth', 'profile', 'sci_mode'];
  const get = (i: number) => (args.length > i ? args[i] : kwargs?.get(names[i]) ?? null);
  const num = (v: PyValue) => (v === null ? undefined : Number(typeof v === 'object' ? (v as { v: number }).v : v));
  setPrintOptions({
    precision: num(get(0)),
    threshold: num(get(1)),
    edgeitems: num(get(2)),
    linewidth: num(get(3)),
    profile: (get(4) ?? undefined) as 'default' | 'short' | 'full' | undefined,
    sciMode: get(5) as boolean | null,
  });
  return null;
}

/**
 * The names of torch, torch.nn.functional and torch.autograd, built once per thread: the
 * function objects are immutable, so every run shares them and only copies the tables.
 */
interface TorchTables {
  torch: Map<string, PyValue>;
  functional: Map<string, PyValue>;
  autograd: Map<string, PyValue>;
}
let tables: TorchTables | null = null;

export function createTorchModule(): PyModule {
  tables ??= buildTables();
  const torch = moduleOf('torch', tables.torch);
  const nn = moduleOf('torch.nn', { functional: moduleOf('torch.nn.functional', tables.functional) });
  torch.dict.set('nn', nn);
  const autograd = moduleOf('torch.autograd', tables.autograd);
  autograd.dict.set('functional', moduleOf('torch.autograd.functional', autogradFunctionalModule()));
  autograd.dict.set('forward_ad', moduleOf('torch.autograd.forward_ad', forwardAdModule()));
  torch.dict.set('autograd', autograd);
  torch.dict.set('linalg', moduleOf('torch.linalg', linalgModule()));
  torch.dict.set('optim', createOptimModule());
  torch.dict.set('cuda', moduleOf('torch.cuda', cudaModule()));
  return torch;
}

function buildTables(): TorchTables {
  const entries: Record<string, PyValue> = {};
  for (const [name, e] of torchFunctions) entries[name] = torchFunction(e);
  for (const [py, name] of Object.entries(DTYPE_NAMES)) entries[py] = dtypeObject(dtypes[name]);
  Object.assign(entries, {
    Tensor: tensorClass,
    Size: sizeClass,
    is_tensor: fn('is_tensor', (args) => args[0] instanceof Tensor),
    is_floating_point: fn('is_floating_point', (args) => (args[0] as Tensor).dtype.isFloating),
    numel: fn('numel', (args) => (args[0] as Tensor).numel()),
    no_grad: fn('no_grad', noGrad),
    enable_grad: fn('enable_grad', enableGrad),
    inference_mode: fn('inference_mode', inferenceModeGuard),
    is_inference_mode_enabled: fn('is_inference_mode_enabled', () => isInferenceModeEnabled()),
    set_grad_enabled: fn('set_grad_enabled', setGradEnabledGuard),
    is_grad_enabled: fn('is_grad_enabled', () => isGradEnabled()),
    set_printoptions: fn('set_printoptions', setPrintOptionsFn),
    get_default_dtype: fn('get_default_dtype', () => dtypeObject(defaultFloat)),
    manual_seed: fn('manual_seed', (args) => {
      defaultGenerator.manualSeed(typeof args[0] === 'bigint' ? args[0] : toInt(args[0]));
      return defaultGenerator;
    }),
    // No entropy in a run, by design (the same request gives the same answer): the new
    // seed is drawn from the generator itself.
    seed: fn('seed', () => {
      const s = defaultGenerator.random();
      defaultGenerator.manualSeed(s);
      return s;
    }),
    initial_seed: fn('initial_seed', () => defaultGenerator.initialSeed()),
    Generator: generatorClass,
    device: deviceClass,
    default_generator: defaultGenerator,
    from_numpy: fn('from_numpy', (args) => fromNumpy(args[0])),
    einsum: einsumFunction,
    meshgrid: meshgridFunction,
    broadcast_tensors: broadcastTensorsFunction,
    __version__: '1.13.0a0+gitunknown',
  });
  return {
    torch: new Map(Object.entries(entries)),
    functional: new Map(Object.entries(functionalModule())),
    autograd: new Map(Object.entries(autogradModule())),
  };
}

/** A submodule is the attribute its parent already holds, so both names reach one object. */
const child = (parent: string, name: string): PyValue => (importModule(parent) as PyModule).dict.get(name);

function fn(name: string, f: (args: PyValue[], kwargs: Map<string, PyValue> | null) => PyValue): BuiltinFunction {
  return new BuiltinFunction(name, f);
}

export function torchModules(): Record<string, () => PyValue> {
  return {
    torch: createTorchModule,
    'torch.nn': () => child('torch', 'nn'),
    'torch.nn.functional': () => child('torch.nn', 'functional'),
    'torch.autograd': () => child('torch', 'autograd'),
    'torch.autograd.functional': () => child('torch.autograd', 'functional'),
    'torch.autograd.forward_ad': () => child('torch.autograd', 'forward_ad'),
    'torch.linalg': () => child('torch', 'linalg'),
    'torch.optim': () => child('torch', 'optim'),
    'torch.cuda': () => child('torch', 'cuda'),
    'torch.optim.lr_scheduler': () => child('torch.optim', 'lr_scheduler'),
    torchviz: () => moduleOf('torchviz', torchvizModule()),
    numpy: () => moduleOf('numpy', numpyModule()),
  };
}

export function registerTorchModules(): void {
  for (const [name, factory] of Object.entries(torchModules())) registerModule(name, factory as () => object);
}
