// Tensor core: strided views, promotion (tables recorded from PyTorch 1.13), element access.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { PyFloat, PyList } from '../../src/python/values.js';
import { type DTypeName, dtypes, float32, int64 } from '../../src/tensor/dtype.js';
import { promoteTypes, resultType } from '../../src/tensor/promote.js';
import { fromFlat } from '../../src/tensor/tensor.js';

const tables: { promote_types: Record<string, string>; result_type: Record<string, string> } = JSON.parse(
  readFileSync(new URL('./fixtures/promotion.json', import.meta.url), 'utf8'),
);

describe('type promotion (recorded from torch.promote_types / torch.result_type)', () => {
  it('promote_types for every pair', () => {
    for (const [key, want] of Object.entries(tables.promote_types)) {
      const [a, b] = key.split('|') as DTypeName[];
      expect(promoteTypes(dtypes[a], dtypes[b]).name, key).toBe(want);
    }
  });
  it('result_type with Python scalars and 0-d tensors', () => {
    const scalar = { int: int64, float: dtypes.float64, bool: dtypes.bool };
    for (const [key, want] of Object.entries(tables.result_type)) {
      const [a, b] = key.split('|');
      const op = (s: string) => {
        if (s.startsWith('0d_')) return { dtype: dtypes[s.slice(3) as DTypeName], dimCount: 0, wrapped: false };
        if (s in scalar) return { dtype: scalar[s as keyof typeof scalar], dimCount: 0, wrapped: true };
        return { dtype: dtypes[s as DTypeName], dimCount: 1, wrapped: false };
      };
      expect(resultType([op(a), op(b)]).name, key).toBe(want);
    }
  });
});

describe('views share storage and version', () => {
  it('transpose/slice/expand/view are views; writes through a view are seen by the base', () => {
    const x = ops.arange(0, 6, 1, float32);
    const m = ops.view(x, [2, 3]);
    const t = ops.t(m);
    expect(t.strides).toEqual([1, 3]);
    expect(t.isContiguous()).toBe(false);
    expect(Array.from(t.toFlatArray())).toEqual([0, 3, 1, 4, 2, 5]);
    const col = ops.getitem(m, [{ start: null, stop: null, step: null }, 1]);
    ops.fill_(col, 9);
    expect(Array.from(x.toFlatArray())).toEqual([0, 9, 2, 3, 9, 5]);
    expect(x.version.v).toBe(1);
    expect(m.base).toBe(x);
    const e = ops.expand(ops.getitem(x, [{ start: 0, stop: 2, step: null }]), [3, 2]);
    expect(e.strides).toEqual([0, 1]);
    expect(e.tolist()).toEqual([[0, 9], [0, 9], [0, 9]]);
    expect(ops.getitem(x, [{ start: 1, stop: null, step: 2 }]).tolist()).toEqual([9, 3, 5]);
  });

  it('view of a non-contiguous tensor fails with PyTorch message; reshape copies', () => {
    const m = ops.t(ops.view(ops.arange(0, 6), [2, 3]));
    expect(() => ops.view(m, [6])).toThrow(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
    const r = ops.reshape(m, [6]);
    expect(r.tolist()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(r.data).not.toBe(m.data);
  });

  it('element access, tolist, item, dtype inference', () => {
    const t = ops.tensorFromData(new PyList([new PyList([1, 2]), new PyList([3, new PyFloat(4.5)])]));
    expect(t.dtype).toBe(float32);
    expect(t.tolist()).toEqual([[1, 2], [3, 4.5]]);
    expect(ops.tensorFromData([true, false]).tolist()).toEqual([true, false]);
    expect(ops.tensorFromData([1, 2]).dtype).toBe(int64);
    expect(ops.scalarTensor(new PyFloat(0.1)).item()).toBe(0.10000000149011612);
    expect(() => ops.tensorFromData([1, 2]).item()).toThrow('only one element tensors can be converted to Python scalars');
    expect(() => ops.tensorFromData(new PyList([new PyList([1, 2]), new PyList([3])]))).toThrow('expected sequence of length 2 at dim 1 (got 1)');
    expect(fromFlat([1.5, -2.7], [2], int64).tolist()).toEqual([1, -2]);
    expect(ops.mul(ops.tensorFromData([1, 2]), new PyFloat(0.5)).tolist()).toEqual([0.5, 1]);
  });

  it('creation functions match PyTorch', () => {
    // torch.linspace(0, 1, 5), torch.arange(0, 1, 0.25), torch.eye(2, 3)
    expect(ops.linspace(0, 1, 5).tolist()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ops.arange(0, 1, new PyFloat(0.25)).tolist()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(ops.arange(0, 5).dtype).toBe(int64);
    expect(ops.eye(2, 3).tolist()).toEqual([[1, 0, 0], [0, 1, 0]]);
    // torch.full_like(torch.tensor([1, 2]), 2.5) -> tensor([2, 2]) (int64 kept, value truncated)
    expect(ops.fullLike(ops.tensorFromData([1, 2]), 2.5).tolist()).toEqual([2, 2]);
    expect(() => ops.arange(0, 10, 0)).toThrow('step must be nonzero');
  });
});
