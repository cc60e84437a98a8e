// Activation kernels against PyTorch 1.13 in float64 (fixtures/gen_activation.py): values,
// grad_fn names, first and second derivatives; and erf against CPython's math.erf.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as act from '../../src/ops/activation.js';
import { erf } from '../../src/ops/erf.js';
import * as ops from '../../src/ops/index.js';
import { grad } from '../../src/autograd/engine.js';
import { float64 } from '../../src/tensor/dtype.js';
import type { Tensor } from '../../src/tensor/tensor.js';

interface Rec { y: number[]; grad: number[]; gradgrad: number[] | null; grad_fn: string; grad_grad_fn: string | null }
const fx: { x: number[]; acts: Record<string, Rec>; erf: { x: number[]; y: number[] } } = JSON.parse(
  readFileSync(new URL('./fixtures/activation.json', import.meta.url), 'utf8'),
);

const ACTS: Record<string, (x: Tensor) => Tensor> = {
  leaky_relu: (x) => act.leakyRelu(x, 0.1), gelu: (x) => act.gelu(x), gelu_tanh: (x) => act.gelu(x, 'tanh'),
  elu: (x) => act.elu(x, 0.7), selu: (x) => act.selu(x), celu: (x) => act.celu(x, 1.5), softplus: (x) => act.softplus(x, 2, 5),
  silu: (x) => act.silu(x), mish: (x) => act.mish(x), hardtanh: (x) => act.hardtanh(x), hardswish: (x) => act.hardswish(x),
  logsigmoid: (x) => act.logsigmoid(x), hardsigmoid: (x) => act.hardsigmoid(x), relu6: (x) => act.relu6(x),
};

const close = (got: ArrayLike<number>, want: number[]) =>
  want.forEach((w, i) => expect(Math.abs(got[i] - w), `element ${i}: ${got[i]} vs ${w}`).toBeLessThanOrEqual(1e-12 + 1e-10 * Math.abs(w)));

describe('activations (float64) against PyTorch 1.13', () => {
  it('covers every recorded activation', () => expect(Object.keys(ACTS).sort()).toEqual(Object.keys(fx.acts).sort()));
  for (const [name, rec] of Object.entries(fx.acts)) {
    it(name, () => {
      const x = ops.fromFlat(fx.x, [fx.x.length], float64);
      x.requiresGrad = true;
      const y = ACTS[name](x);
      close(y.toFlatArray(), rec.y);
      expect(y.gradFn!.name).toBe(rec.grad_fn);
      const [g] = grad([ops.sum(y)], [x], null, { retainGraph: true, createGraph: true, allowUnused: false });
      close(g!.toFlatArray(), rec.grad);
      if (rec.grad_grad_fn?.endsWith('BackwardBackward0')) expect(g!.gradFn!.name).toBe(rec.grad_grad_fn);
      // second derivatives of the kernels PyTorch gives them for (hardsigmoid's is not implemented there)
      if (rec.gradgrad !== null && g!.gradFn !== null) {
        const [gg] = grad([ops.sum(g!)], [x], null, { retainGraph: false, createGraph: false, allowUnused: true });
        close(gg === null ? new Float64Array(fx.x.length) : gg.toFlatArray(), rec.gradgrad);
      }
    });
  }
  it('erf matches math.erf to the last bit or one ulp', () => {
    fx.erf.x.forEach((v, i) => expect(Math.abs(erf(v) - fx.erf.y[i])).toBeLessThanOrEqual(2.3e-16 * Math.max(1, Math.abs(fx.erf.y[i]))));
  });
});
