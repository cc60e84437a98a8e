/**
 * torch.autograd.forward_ad, the Python face of src/autograd/forward_ad.ts: dual_level()
 * (a context manager), make_dual, unpack_dual (a named pair UnpackedDualTensor(primal,
 * tangent)), enter_dual_level / exit_dual_level.
 */
import { enterDualLevel, exitDualLevel, makeDual, unpackDual } from '../autograd/forward_ad.js';
import { typeError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { BuiltinFunction } from '../python/objects.js';
import { type PyValue, definePyType, hostServices, pyTypeName } from '../python/values.js';
import { defineNamedPair } from './return_types.js';

class DualLevel {}
definePyType<DualLevel>(DualLevel, {
  name: 'dual_level',
  module: 'torch.autograd.forward_ad',
  enter: () => enterDualLevel(),
  exit: () => {
    exitDualLevel();
    return false;
  },
});

class UnpackedDual {
  constructor(
    readonly primal: Tensor,
    readonly tangent: Tensor | null,
  ) {}
}
const text = (u: UnpackedDual): string => {
  const { repr } = hostServices();
  return `UnpackedDualTensor(primal=${repr(u.primal)}, tangent=${repr(u.tangent)})`;
};
defineNamedPair(UnpackedDual, {
  name: 'UnpackedDualTensor',
  module: 'torch.autograd.forward_ad',
  fields: ['primal', 'tangent'],
  items: (u) => [u.primal, u.tangent],
  text,
});

const tensorArg = (fn: string, v: PyValue, what: string): Tensor => {
  if (!(v instanceof Tensor)) throw typeError(`${fn}(): argument '${what}' must be Tensor, not ${pyTypeName(v)}`);
  return v;
};

export function forwardAdModule(): Record<string, PyValue> {
  return {
    dual_level: new BuiltinFunction('dual_level', () => new DualLevel()),
    enter_dual_level: new BuiltinFunction('enter_dual_level', () => enterDualLevel()),
    exit_dual_level: new BuiltinFunction('exit_dual_level', () => {
      exitDualLevel();
      return null;
    }),
    make_dual: new BuiltinFunction('make_dual', (args, kw) =>
      makeDual(tensorArg('make_dual', args[0] ?? kw?.get('tensor'), 'tensor'), tensorArg('make_dual', args[1] ?? kw?.get('tangent'), 'tangent')),
    ),
    unpack_dual: new BuiltinFunction('unpack_dual', (args, kw) => {
      const t = args[0] ?? kw?.get('tensor');
      if (!(t instanceof Tensor)) return new UnpackedDual(t as Tensor, null);
      const { primal, tangent } = unpackDual(t);
      return new UnpackedDual(primal, tangent);
    }),
  };
}
