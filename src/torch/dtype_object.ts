/** `torch.float32` and friends as Python objects: printed `torch.float32`, compared by identity. */
import { DType, dtypes } from '../tensor/dtype.js';
import { definePyType } from '../python/values.js';

export class DTypeObject {
  constructor(readonly dtype: DType) {}
}

definePyType<DTypeObject>(DTypeObject, {
  name: 'dtype',
  module: 'torch',
  repr: (self) => self.dtype.repr,
  str: (self) => self.dtype.repr,
  hash: (self) => self.dtype.repr,
  getattr(self, name) {
    if (name === 'is_floating_point') return self.dtype.isFloating;
    if (name === 'itemsize') return self.dtype.itemsize;
    return undefined;
  },
});

/** One object per dtype, so that `x.dtype is torch.float32` holds. */
export const dtypeObjects = new Map<DType, DTypeObject>(Object.values(dtypes).map((d) => [d, new DTypeObject(d)]));
export const dtypeObject = (d: DType): DTypeObject => dtypeObjects.get(d)!;
