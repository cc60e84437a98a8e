/** torch.return_types.max(values=..., indices=...): a named pair that unpacks like a tuple. */
import { indexError } from '../tensor/errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { type PyValue, definePyType, hostServices } from '../python/values.js';

export class ReturnPair {
  constructor(
    readonly kind: string,
    readonly values: Tensor,
    readonly indices: Tensor,
  ) {}
}

const text = (self: ReturnPair): string => {
  const { repr } = hostServices();
  return `torch.return_types.${self.kind}(\nvalues=${repr(self.values)},\nindices=${repr(self.indices)})`;
};

/** A Python named pair (a namedtuple of two): it unpacks, indexes and names its fields like one. */
export function defineNamedPair<T extends object>(
  cls: { prototype: T },
  type: { name: string; module: string; fields: readonly [string, string]; items: (self: T) => [PyValue, PyValue]; text: (self: T) => string },
): void {
  definePyType<T>(cls, {
    name: type.name,
    module: type.module,
    repr: type.text,
    str: type.text,
    len: () => 2,
    iter: (self) => type.items(self)[Symbol.iterator](),
    getitem(self, key) {
      const i = typeof key === 'number' ? (key < 0 ? key + 2 : key) : -1;
      if (i === 0 || i === 1) return type.items(self)[i];
      throw indexError('tuple index out of range');
    },
    getattr(self, name): PyValue | undefined {
      const i = type.fields.indexOf(name);
      return i < 0 ? undefined : type.items(self)[i];
    },
  });
}

defineNamedPair(ReturnPair, {
  name: 'ReturnPair',
  module: 'torch.return_types',
  fields: ['values', 'indices'],
  items: (self) => [self.values, self.indices],
  text,
});
