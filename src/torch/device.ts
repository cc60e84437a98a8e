/**
 * torch.device and torch.cuda, for programs written to run anywhere:
 * `device = torch.device("cuda" if torch.cuda.is_available() else "cpu")`. gradviz is a
 * CPU build of PyTorch: asking for CUDA fails as there ("Torch not compiled with CUDA
 * enabled"), everything else about devices says cpu.
 */
import { PyError, runtimeError } from '../tensor/errors.js';
import { BuiltinFunction, PyClass } from '../python/objects.js';
import { objectClass } from '../python/types.js';
import { NotImplemented, type PyValue, definePyType } from '../python/values.js';
import { toInt } from './pyconv.js';

const DEVICE_TYPES = [
  'cpu', 'cuda', 'ipu', 'xpu', 'mkldnn', 'opengl', 'opencl', 'ideep', 'hip', 've', 'fpga', 'ort', 'xla', 'lazy', 'vulkan', 'mps', 'meta', 'hpu', 'privateuseone',
];

export class TorchDevice {
  constructor(
    readonly type: string,
    readonly index: number | null,
  ) {}
}

export const CPU = new TorchDevice('cpu', null);

function parse(spec: string, index: number | null): TorchDevice {
  const m = /^([a-z]+)(?::(\d+))?$/.exec(spec);
  if (!m || !DEVICE_TYPES.includes(m[1]))
    throw runtimeError(`Expected one of ${DEVICE_TYPES.join(', ')} device type at start of device string: ${spec}`);
  return new TorchDevice(m[1], m[2] !== undefined ? Number(m[2]) : index);
}

/** A `Device` argument (a string or a torch.device), checked to be one this build has. */
export function deviceArg(v: PyValue): TorchDevice {
  const d = v instanceof TorchDevice ? v : parse(String(v), null);
  if (d.type === 'cuda') throw new PyError('AssertionError', 'Torch not compiled with CUDA enabled');
  if (d.type !== 'cpu') throw runtimeError(`gradviz runs on the CPU only, not on '${d.type}'`);
  return d;
}

const str = (d: TorchDevice): string => (d.index === null ? d.type : `${d.type}:${d.index}`);

export const deviceClass = new PyClass('device', [objectClass]);
deviceClass.module = 'torch';
deviceClass.construct = (args, kwargs) => {
  const spec = args[0] ?? kwargs?.get('type');
  const index = args[1] ?? kwargs?.get('index') ?? null;
  if (spec instanceof TorchDevice) return spec;
  return parse(String(spec), index === null ? null : toInt(index));
};

definePyType<TorchDevice>(TorchDevice, {
  name: 'device',
  module: 'torch',
  pyClass: deviceClass,
  str,
  repr: (d) => (d.index === null ? `device(type='${d.type}')` : `device(type='${d.type}', index=${d.index})`),
  compare: (d, op, other) => {
    if (op !== '==' && op !== '!=') return NotImplemented;
    const same = other instanceof TorchDevice && other.type === d.type && other.index === d.index;
    return op === '==' ? same : !same;
  },
  hash: (d) => str(d),
  getattr(d, name): PyValue | undefined {
    if (name === 'type') return d.type;
    if (name === 'index') return d.index;
    return undefined;
  },
});

/** torch.cuda of a CPU build. */
export function cudaModule(): Record<string, PyValue> {
  const none = () => null;
  return {
    is_available: new BuiltinFunction('is_available', () => false),
    device_count: new BuiltinFunction('device_count', () => 0),
    is_initialized: new BuiltinFunction('is_initialized', () => false),
    // lazily seeded in PyTorch: a no-op without CUDA
    manual_seed: new BuiltinFunction('manual_seed', none),
    manual_seed_all: new BuiltinFunction('manual_seed_all', none),
  };
}
