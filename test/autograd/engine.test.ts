// Expected values recorded with PyTorch 1.13 (/usr/bin/python3).
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { grad } from '../../src/autograd/engine.js';
import { setGradEnabled } from '../../src/autograd/grad_mode.js';
import { registerHook, requireGradAtCreation, retainGrad, setRequiresGrad, tensorBackward } from '../../src/autograd/tensor_api.js';
import { PyFloat } from '../../src/python/values.js';
import { float64, int64 } from '../../src/tensor/dtype.js';
import type { Tensor } from '../../src/tensor/tensor.js';

const f = (v: number) => new PyFloat(v);
const leaf = (data: unknown) => requireGradAtCreation(ops.tensorFromData(data));
const graph = (t: Tensor): string => {
  const rec = (n: import('../../src/autograd/node.js').Node | null): string =>
    n === null ? 'None' : `${n.name}(${n.next.map(rec).join(', ')})`;
  return rec(t.gradFn);
};

describe('autograd engine', () => {
  it('slide example: d/dx sin((x+2)+(1+exp(x**2))) at 2', () => {
    const x = leaf(f(2));
    const y = ops.sin(ops.add(ops.add(x, 2), ops.add(1, ops.exp(ops.pow(x, 2)))));
    tensorBackward(y);
    // PyTorch's float32 exp (SLEEF) is 1 ulp off the correctly rounded one here
    expect(x.grad!.item()).toBe(-218.46261596679688);
  });

  it('gradient descent on x**2 + exp(-x) stalls where float32 PyTorch does', () => {
    const x = leaf(f(2));
    for (let i = 0; i < 10001; i++) {
      tensorBackward(ops.add(ops.pow(x, 2), ops.exp(ops.neg(x))));
      const prev = setGradEnabled(false);
      ops.sub_(x, ops.mul(f(0.0005), x.grad!));
      setGradEnabled(prev);
      ops.zero_(x.grad!);
    }
    expect(x.item()).toBe(0.35174471139907837);
  });

  it('grad_fn names and next_functions as PyTorch', () => {
    const x = leaf([f(1), f(2)]);
    const y = leaf([f(3), f(4)]);
    expect(graph(ops.add(x, 2))).toBe('AddBackward0(AccumulateGrad(), None)');
    expect(graph(ops.rsub(x, 1))).toBe('RsubBackward1(AccumulateGrad())');
    expect(graph(ops.rdiv(x, 2))).toBe('MulBackward0(ReciprocalBackward0(AccumulateGrad()), None)');
    expect(graph(ops.pow(2, x))).toBe('PowBackward1(None, AccumulateGrad())');
    expect(graph(ops.matmul(x, ops.reshape(x, [2, 1])))).toBe('SqueezeBackward3(MmBackward0(UnsqueezeBackward0(AccumulateGrad()), ReshapeAliasBackward0(AccumulateGrad())))');
    expect(graph(ops.matmul(ops.reshape(x, [1, 1, 2]), ops.reshape(y, [2, 1])))).toBe(
      'UnsafeViewBackward0(MmBackward0(ReshapeAliasBackward0(ReshapeAliasBackward0(AccumulateGrad())), ReshapeAliasBackward0(AccumulateGrad())))',
    );
    expect(graph(ops.T(ops.reshape(x, [2, 1])))).toBe('PermuteBackward0(ReshapeAliasBackward0(AccumulateGrad()))');
    expect(graph(ops.getitem(x, [{ start: 1, stop: null, step: null }]))).toBe('SliceBackward0(AccumulateGrad())');
    expect(graph(ops.getitem(x, ['ellipsis']))).toBe('AliasBackward0(AccumulateGrad())');
    expect(graph(ops.getitem(x, [ops.gt(x, 1)]))).toBe('IndexBackward0(AccumulateGrad())');
  });

  it('second backward fails only when a node saved tensors', () => {
    const x = leaf(f(3));
    const y = ops.add(x, 2);
    tensorBackward(y);
    tensorBackward(y);
    expect(x.grad!.item()).toBe(2);
    const z = ops.mul(4, x);
    tensorBackward(z);
    expect(() => tensorBackward(z)).toThrow(/Trying to backward through the graph a second time/);
  });

  it('max splits ties evenly; broadcasting sums back', () => {
    const x = leaf([f(3), f(1), f(3)]);
    tensorBackward(ops.maxAll(x));
    expect(Array.from(x.grad!.toFlatArray())).toEqual([0.5, 0, 0.5]);
    const a = leaf([[f(1), f(2)], [f(3), f(4)]]);
    const b = leaf([f(10), f(20)]);
    tensorBackward(ops.sum(ops.mul(a, b)));
    expect(Array.from(b.grad!.toFlatArray())).toEqual([4, 6]);
  });

  it('create_graph gives CopyBackwards and second derivatives', () => {
    const x = leaf(f(3));
    tensorBackward(ops.pow(x, 3), null, { createGraph: true });
    expect(x.grad!.item()).toBe(27);
    expect(graph(x.grad!)).toBe('CopyBackwards(None, MulBackward0(None, MulBackward1(PowBackward0(AccumulateGrad()))))');
    const g = x.grad!;
    x.grad = null;
    tensorBackward(g);
    expect(x.grad!.item()).toBe(18);
  });

  it('autograd.grad, hooks, retain_grad and errors', () => {
    const x = leaf([f(1), f(2)]);
    const y = ops.mul(x, x);
    retainGrad(y);
    const h = registerHook(x, (g) => ops.mul(g, 10));
    tensorBackward(ops.sum(y));
    expect(Array.from(x.grad!.toFlatArray())).toEqual([20, 40]);
    expect(Array.from(y.grad!.toFlatArray())).toEqual([1, 1]);
    h.remove();
    const [gx] = grad([ops.sum(ops.mul(x, 3))], [x], null);
    expect(Array.from(gx!.toFlatArray())).toEqual([3, 3]);
    const unused = leaf(f(1));
    expect(() => grad([ops.sum(ops.mul(x, 2))], [x, unused], null)).toThrow(
      'One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.',
    );
    expect(() => tensorBackward(ops.mul(x, 2))).toThrow('grad can be implicitly created only for scalar outputs');
    expect(() => tensorBackward(ops.tensorFromData([f(1)]))).toThrow('element 0 of tensors does not require grad and does not have a grad_fn');
    expect(() => tensorBackward(ops.mul(x, 2), ops.ones([3]))).toThrow(
      'Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of torch.Size([2]).',
    );
    expect(() => setRequiresGrad(ops.tensorFromData([1, 2]))).toThrow('only Tensors of floating point dtype can require gradients');
  });

  it('in-place errors and the saved-tensor version check', () => {
    const x = leaf([f(1), f(2)]);
    expect(() => ops.add_(x, 1)).toThrow('a leaf Variable that requires grad is being used in an in-place operation.');
    const y = ops.exp(x);
    ops.add_(y, 1);
    expect(() => tensorBackward(ops.sum(y))).toThrow(
      'one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of ExpBackward0, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).',
    );
  });

  it('index assignment on a non-leaf gives CopySlices (case 9x: z = x.clone(); z[0] = 10)', () => {
    const x = leaf([f(1), f(2)]);
    const z = ops.clone(x);
    ops.setitem(z, [0], f(10));
    expect(Array.from(z.toFlatArray())).toEqual([10, 2]);
    expect(graph(z)).toBe('CopySlices(CloneBackward0(AccumulateGrad()), None)');
    tensorBackward(ops.sum(z));
    expect(Array.from(x.grad!.toFlatArray())).toEqual([0, 1]);
    // PyTorch: CopySlices frees its op, so even this graph cannot be backwarded twice
    expect(() => tensorBackward(ops.sum(z))).toThrow(/Trying to backward through the graph a second time/);
  });
});

describe('promotion and errors', () => {
  it('result types', () => {
    const i = ops.tensorFromData([1, 2]);
    expect(ops.mul(i, f(0.5)).dtype.name).toBe('float32');
    expect(ops.div(i, 2).dtype.name).toBe('float32');
    expect(ops.add(ops.tensorFromData([true]), 1).dtype).toBe(int64);
    expect(ops.add(ops.tensorFromData([f(1)], float64), f(2)).dtype).toBe(float64);
    expect(() => ops.floorDivide(i, 0)).toThrow('ZeroDivisionError');
    expect(() => ops.mean(i)).toThrow('mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long');
    expect(() => ops.add(ops.ones([3]), ops.ones([2]))).toThrow('The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0');
    expect(() => ops.mm(ops.ones([2, 3]), ops.ones([2, 3]))).toThrow('mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)');
    expect(() => ops.view(ops.ones([2, 3]), [4, 2])).toThrow("shape '[4, 2]' is invalid for input of size 6");
    expect(() => ops.getitem(ops.ones([3]), [{ start: null, stop: null, step: -1 }])).toThrow('step must be greater than zero');
  });
});
