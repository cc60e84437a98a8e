/**
 * torch.Generator: the Python face of a CpuGenerator (src/tensor/random.ts), and
 * `genOf(bound)`, the generator a sampling call's `generator=` argument selects.
 */
import { defaultGenerator, CpuGenerator } from '../tensor/random.js';
import { typeError } from '../tensor/errors.js';
import { BuiltinFunction, PyClass } from '../python/objects.js';
import { objectId } from '../python/text.js';
import { objectClass } from '../python/types.js';
import { type PyValue, definePyType } from '../python/values.js';
import { toInt } from './pyconv.js';
import type { Bound } from './signature.js';

export const generatorClass = new PyClass('Generator', [objectClass]);
generatorClass.module = 'torch._C';
generatorClass.construct = (args, kwargs) => {
  const device = args[0] ?? kwargs?.get('device') ?? 'cpu';
  if (device !== 'cpu') throw typeError(`Generator(device=${String(device)}): only 'cpu' generators exist in gradviz`);
  return new CpuGenerator();
};

/** Generator.seed(): no entropy in a run (the same request gives the same answer), so the seed comes from the generator. */
export function reseed(g: CpuGenerator): number {
  const s = g.random();
  g.manualSeed(s);
  return s;
}

definePyType<CpuGenerator>(CpuGenerator, {
  name: 'Generator',
  module: 'torch._C',
  pyClass: generatorClass,
  repr: (self) => `<torch._C.Generator object at 0x${objectId(self).toString(16).padStart(12, '0')}>`,
  getattr(self, name): PyValue | undefined {
    switch (name) {
      case 'manual_seed':
        return new BuiltinFunction('manual_seed', (args) => {
          self.manualSeed(typeof args[0] === 'bigint' ? args[0] : toInt(args[0]));
          return self;
        });
      case 'seed':
        return new BuiltinFunction('seed', () => reseed(self));
      case 'initial_seed':
        return new BuiltinFunction('initial_seed', () => self.initialSeed());
    }
    return undefined;
  },
});

export const genOf = (b: Bound): CpuGenerator => (b.generator instanceof CpuGenerator ? b.generator : defaultGenerator);
