// Autograd behaviours, each expected value printed by the same program under PyTorch 1.13.
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { backward, grad } from '../../src/autograd/engine.js';
import { registerHook, requireGradAtCreation, retainGrad, tensorBackward } from '../../src/autograd/tensor_api.js';
import { PyFloat } from '../../src/python/values.js';
import type { Tensor } from '../../src/tensor/tensor.js';

const f = (v: number) => new PyFloat(v);
const leaf = (...v: number[]) => requireGradAtCreation(ops.tensorFromData(v.map(f)));
const list = (t: Tensor | null) => (t === null ? null : t.tolist());
const all = (sl: { start: number | null; stop: number | null }) => ({ ...sl, step: null });

describe('autograd behaviours recorded from PyTorch', () => {
  it('retain_grad accumulates over backward calls', () => {
    const x = leaf(1, 2, 3);
    const y = ops.mul(x, 2);
    retainGrad(y);
    tensorBackward(ops.sum(ops.mul(y, y)), null, { retainGraph: true });
    tensorBackward(ops.sum(ops.mul(y, y)));
    expect(list(y.grad)).toEqual([8, 16, 24]);
    expect(list(x.grad)).toEqual([16, 32, 48]);
  });

  it('backward(inputs=[a]) touches only a', () => {
    const a = requireGradAtCreation(ops.scalarTensor(f(2)));
    const b = requireGradAtCreation(ops.scalarTensor(f(3)));
    backward([ops.mul(a, b)], null, { inputs: [a] });
    expect(a.grad!.item()).toBe(3);
    expect(b.grad).toBeNull();
    // a non-leaf input gets its .grad too: y = x * 3; (y * y).backward(inputs=[y]) -> y.grad 12, x.grad None
    const x = requireGradAtCreation(ops.scalarTensor(f(2)));
    const y = ops.mul(x, 3);
    backward([ops.mul(y, y)], null, { inputs: [y] });
    expect(y.grad!.item()).toBe(12);
    expect(x.grad).toBeNull();
  });

  it('hooks: on an intermediate, on a leaf, removable', () => {
    const x = leaf(1, 2, 3);
    const y = ops.mul(x, 2);
    registerHook(y, (g) => ops.mul(g, 10));
    tensorBackward(ops.sum(y));
    expect(list(x.grad)).toEqual([20, 20, 20]);
    x.grad = null;
    const h = registerHook(x, (g) => ops.add(g, 1));
    tensorBackward(ops.sum(ops.mul(x, 2)));
    h.remove();
    tensorBackward(ops.sum(ops.mul(x, 2)));
    expect(list(x.grad)).toEqual([5, 5, 5]);
  });

  it('in-place on a view of a non-leaf: CopySlices on the base, AsStridedBackward0 on the view', () => {
    const x = leaf(1, 2, 3);
    const y = ops.mul(x, 1);
    const v = ops.getitem(y, [all({ start: 0, stop: 1 })]);
    ops.mul_(v, 5);
    expect(y.gradFn!.name).toBe('CopySlices');
    expect(v.gradFn!.name).toBe('AsStridedBackward0');
    tensorBackward(ops.sum(y));
    expect(list(x.grad)).toEqual([5, 1, 1]);
  });

  it('index assignment of a value that requires grad; mask assignment (IndexPutBackward0)', () => {
    const x = leaf(1, 2, 3);
    const y = ops.mul(x, 1);
    ops.setitem(y, [0], ops.mul(ops.getitem(x, [1]), 3));
    tensorBackward(ops.sum(y));
    expect(list(x.grad)).toEqual([0, 4, 1]);
    x.grad = null;
    const z = ops.mul(x, 1);
    ops.setitem(z, [ops.gt(z, 1)], 0);
    expect(z.gradFn!.name).toBe('IndexPutBackward0');
    tensorBackward(ops.sum(z));
    expect(list(x.grad)).toEqual([1, 0, 0]);
  });

  it('augmented assignment on a non-leaf (case 09x: y += 1; y *= 3)', () => {
    const x = leaf(1, 2, 3);
    const y = ops.mul(x, 2);
    ops.add_(y, 1);
    ops.mul_(y, 3);
    expect(y.tolist()).toEqual([9, 15, 21]);
    expect(y.gradFn!.name).toBe('MulBackward0');
    tensorBackward(ops.sum(y));
    expect(list(x.grad)).toEqual([6, 6, 6]);
  });

  it('detach shares storage and the version counter', () => {
    const w = leaf(1, 2);
    const z = ops.mul(w, w);
    const d = ops.detach(w);
    ops.setitem(d, [0], f(5));
    expect(w.tolist()).toEqual([5, 2]);
    expect(() => tensorBackward(ops.sum(z))).toThrow(
      'one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]] is at version 1; expected version 0 instead.',
    );
  });

  it('autograd.grad with create_graph, then a second order grad', () => {
    const t = requireGradAtCreation(ops.scalarTensor(f(2)));
    const [g] = grad([ops.pow(t, 3)], [t], null, { createGraph: true });
    expect(g!.item()).toBe(12);
    expect(g!.gradFn!.name).toBe('MulBackward0');
    const [g2] = grad([g!], [t], null);
    expect(g2!.item()).toBe(12);
  });

  it('backward(gradient), accumulation, multi-output views', () => {
    const x = leaf(1, 2, 3);
    tensorBackward(ops.pow(x, 2), ops.tensorFromData([f(1), f(0.5), f(0.25)]));
    expect(list(x.grad)).toEqual([2, 2, 1.5]);
    x.grad = null;
    tensorBackward(ops.sum(ops.mul(x, 3)));
    tensorBackward(ops.sum(ops.mul(x, 3)));
    expect(list(x.grad)).toEqual([6, 6, 6]);
    x.grad = null;
    const p = ops.unbind(x, 0);
    tensorBackward(ops.mul(p[0], p[2]));
    expect(list(x.grad)).toEqual([3, 0, 1]);
    x.grad = null;
    const s = ops.split(x, 2);
    tensorBackward(ops.sum(ops.mul(s[1], 2)));
    expect(list(x.grad)).toEqual([0, 0, 2]);
  });

  it('max/amax/min tie rules', () => {
    const m = requireGradAtCreation(ops.tensorFromData([[f(1), f(3), f(3)], [f(2), f(2), f(0)]]));
    tensorBackward(ops.sum(ops.maxDim(m, 1)[0]));
    expect(list(m.grad)).toEqual([[0, 1, 0], [1, 0, 0]]);
    m.grad = null;
    tensorBackward(ops.sum(ops.amax(m, 1)));
    expect(list(m.grad)).toEqual([[0, 0.5, 0.5], [0.5, 0.5, 0]]);
    m.grad = null;
    tensorBackward(ops.minAll(m));
    expect(list(m.grad)).toEqual([[0, 0, 0], [0, 0, 1]]);
  });

  it('kinks: sqrt/abs/relu at 0, pow of a negative base, inclusive clamp bounds, norm at 0', () => {
    const q = leaf(0, 0, 0);
    tensorBackward(ops.add(ops.add(ops.getitem(ops.sqrt(q), [0]), ops.getitem(ops.abs(q), [1])), ops.getitem(ops.relu(q), [2])));
    expect(list(q.grad)).toEqual([Infinity, NaN, NaN]);
    const n = requireGradAtCreation(ops.scalarTensor(f(-2)));
    const r = ops.pow(n, f(0.5));
    tensorBackward(r);
    expect(r.item()).toBeNaN();
    expect(n.grad!.item()).toBeNaN();
    const c = leaf(0, 0.5, 1, 1.5);
    tensorBackward(ops.sum(ops.clamp(c, f(0.5), 1)));
    expect(list(c.grad)).toEqual([0, 1, 1, 0]);
    const z = requireGradAtCreation(ops.zeros([3]));
    tensorBackward(ops.norm(z));
    expect(list(z.grad)).toEqual([0, 0, 0]);
  });
});
