// The opt-in recorder keeps each node's forward output and the last gradient that reached it.
import { afterEach, describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { setRecording } from '../../src/autograd/recorder.js';
import { requireGradAtCreation, tensorBackward } from '../../src/autograd/tensor_api.js';
import { PyFloat } from '../../src/python/values.js';

afterEach(() => setRecording(false));

describe('recorder', () => {
  it('is off by default: nodes keep nothing', () => {
    const x = requireGradAtCreation(ops.scalarTensor(new PyFloat(2)));
    const y = ops.mul(x, 3);
    tensorBackward(y);
    expect(y.gradFn!.value).toBeNull();
    expect(y.gradFn!.lastGrad).toBeNull();
  });

  it('records forward outputs and the gradients of the last backward', () => {
    setRecording(true);
    const x = requireGradAtCreation(ops.scalarTensor(new PyFloat(2)));
    const a = ops.pow(x, 2); // 4, grad 1 * 3
    const y = ops.mul(a, 3); // 12, grad 1
    tensorBackward(y, null, { retainGraph: true });
    expect(y.gradFn!.value!.item()).toBe(12);
    expect(y.gradFn!.lastGrad!.item()).toBe(1);
    expect(a.gradFn!.value!.item()).toBe(4);
    expect(a.gradFn!.lastGrad!.item()).toBe(3);
    expect(x.accumulator!.lastGrad!.item()).toBe(12);
    tensorBackward(y, ops.scalarTensor(new PyFloat(2)));
    expect(a.gradFn!.lastGrad!.item()).toBe(6);
  });
});
