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

definePyType<ReturnPair>(ReturnPair, {
  name: 'ReturnPair',
  module: 'torch.return_types',
  repr: text,
  str: text,
  len: () => 2,
  iter: (self) => [self.values, self.indices][Symbol.iterator](),
  getitem(self, key) {
    const i = typeof key === 'number' ? (key < 0 ? key + 2 : key) : -1;
    if (i === 0) return self.values;
    if (i === 1) return self.indices;
    throw indexError('tuple index out of range');
  },
  getattr(self, name): PyValue | undefined {
    if (name === 'values') return self.values;
    if (name === 'indices') return self.indices;
    return undefined;
  },
});
