/**
 * A minimal `numpy`: np.array of nested lists (float64 / int64 / bool, numpy's inference),
 * enough for `torch.tensor(np.array(...))`, `torch.from_numpy` and `t.numpy()`.
 * An array holds a tensor: from_numpy and numpy() share memory as in PyTorch.
 */
import { tensorFromData } from '../ops/index.js';
import { type DType, float32, float64 } from '../tensor/dtype.js';
import { runtimeError, typeError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { BuiltinFunction } from '../python/objects.js';
import { PyTuple, type PyValue, definePyType, pyTypeName } from '../python/values.js';
import { tensorItem, tensorToList } from './pyconv.js';
import { dtypeObjects } from './dtype_object.js';
import { ndarrayRepr, ndarrayStr } from './numpy_format.js';

export class NdArray {
  constructor(readonly tensor: Tensor) {}
  get dtype(): DType {
    return this.tensor.dtype;
  }
}

export const ndarrayFromTensor = (t: Tensor): NdArray => {
  if (t.requiresGrad) throw runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
  return new NdArray(t);
};

definePyType<NdArray>(NdArray, {
  name: 'ndarray',
  module: 'numpy',
  str: (self) => ndarrayStr(self.tensor),
  repr: (self) => ndarrayRepr(self.tensor),
  getattr(self, name): PyValue | undefined {
    if (name === 'dtype') return self.tensor.dtype.name;
    if (name === 'ndim') return self.tensor.dim();
    if (name === 'size') return self.tensor.numel();
    if (name === 'shape') return new PyTuple(self.tensor.shape.slice());
    // the same Python scalars and nested lists as tensor.tolist() (float32 values as their doubles)
    if (name === 'tolist') return new BuiltinFunction('tolist', () => tensorToList(self.tensor));
    if (name === 'item') return new BuiltinFunction('item', () => tensorItem(self.tensor));
    return undefined;
  },
  len: (self) => self.tensor.shape[0],
});

function array(args: PyValue[]): NdArray {
  const data = args[0];
  if (data instanceof NdArray) return new NdArray(data.tensor);
  const t = data instanceof Tensor ? data : tensorFromData(data);
  // numpy's default float is float64 (torch's is float32)
  return new NdArray(t.dtype === float32 && !(data instanceof Tensor) ? tensorFromData(data, float64) : t);
}

export function numpyModule(): Record<string, PyValue> {
  return { array, asarray: array, float64: dtypeObjects.get(float64), float32: dtypeObjects.get(float32) };
}

export function fromNumpy(v: PyValue): Tensor {
  if (!(v instanceof NdArray)) throw typeError(`expected np.ndarray (got ${pyTypeName(v)})`);
  return v.tensor;
}

