/** torch.Size: a tuple of ints that prints as `torch.Size([2, 3])`. */
import { indexError, typeError, valueError } from '../tensor/errors.js';
import { sizeRepr } from '../tensor/shape.js';
import { NotImplemented, PyTuple, type PyValue, definePyType, pyTypeName } from '../python/values.js';
import { PySlice } from '../python/objects.js';

export class TorchSize {
  constructor(readonly dims: readonly number[]) {}
}

function otherDims(v: PyValue): readonly PyValue[] | undefined {
  if (v instanceof TorchSize) return v.dims;
  if (v instanceof PyTuple) return v.items;
  return undefined;
}

function sliceIndices(s: PySlice, n: number): number[] {
  const step = s.step === null ? 1 : Number(s.step);
  if (step === 0) throw valueError('slice step cannot be zero');
  const norm = (v: PyValue, dflt: number, lo: number, hi: number): number => {
    if (v === null) return dflt;
    let i = Number(v);
    if (i < 0) i += n;
    return Math.min(Math.max(i, lo), hi);
  };
  const out: number[] = [];
  if (step > 0) for (let i = norm(s.start, 0, 0, n); i < norm(s.stop, n, 0, n); i += step) out.push(i);
  else for (let i = norm(s.start, n - 1, -1, n - 1); i > norm(s.stop, -1, -1, n - 1); i += step) out.push(i);
  return out;
}

definePyType<TorchSize>(TorchSize, {
  name: 'Size',
  module: 'torch',
  repr: (self) => sizeRepr(self.dims),
  str: (self) => sizeRepr(self.dims),
  len: (self) => self.dims.length,
  iter: (self) => self.dims[Symbol.iterator](),
  hash: (self) => `Size(${self.dims.join(',')})`,
  bool: (self) => self.dims.length > 0,
  contains: (self, item) => self.dims.some((d) => d === item),
  getitem(self, key) {
    if (key instanceof PySlice) return new TorchSize(sliceIndices(key, self.dims.length).map((i) => self.dims[i]));
    if (typeof key === 'number' || typeof key === 'boolean') {
      const n = self.dims.length;
      const i = Number(key) < 0 ? Number(key) + n : Number(key);
      if (i < 0 || i >= n) throw indexError('tuple index out of range');
      return self.dims[i];
    }
    throw typeError(`tuple indices must be integers or slices, not ${pyTypeName(key)}`);
  },
  compare(self, op, other) {
    const o = otherDims(other);
    if (!o) return op === '==' ? false : op === '!=' ? true : NotImplemented;
    let i = 0;
    while (i < self.dims.length && i < o.length && self.dims[i] === o[i]) i++;
    const a = i < self.dims.length ? self.dims[i] : undefined;
    const b = i < o.length ? Number(o[i]) : undefined;
    const c = a === undefined && b === undefined ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : a > b ? 1 : 0;
    switch (op) {
      case '==': return c === 0;
      case '!=': return c !== 0;
      case '<': return c < 0;
      case '<=': return c <= 0;
      case '>': return c > 0;
      case '>=': return c >= 0;
    }
  },
  binop(self, op, other, reflected) {
    const o = otherDims(other);
    // Size + tuple stays a Size; tuple + Size is tuple concatenation (a tuple)
    if (op === '+' && o) {
      if (reflected || !o.every((d) => typeof d === 'number')) return new PyTuple(reflected ? [...o, ...self.dims] : [...self.dims, ...o]);
      return new TorchSize([...self.dims, ...(o as number[])]);
    }
    if (op === '*' && typeof other === 'number') return new TorchSize(Array.from({ length: Math.max(0, other) }, () => self.dims).flat());
    return NotImplemented;
  },
  getattr(self, name) {
    if (name === 'numel') return () => self.dims.reduce((a, b) => a * b, 1);
    if (name === 'count') return (args: PyValue[]) => self.dims.filter((d) => d === args[0]).length;
    if (name === 'index')
      return (args: PyValue[]) => {
        const i = self.dims.indexOf(args[0] as number);
        if (i < 0) throw valueError('tuple.index(x): x not in tuple');
        return i;
      };
    return undefined;
  },
});
