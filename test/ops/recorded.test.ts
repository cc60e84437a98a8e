// Every op against outputs, graphs and gradients recorded with PyTorch 1.13
// (fixtures/gen_ops.py -> fixtures/ops.json): y = op(inputs); y.backward(linspace(0.5, 1.5)).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { tensorBackward } from '../../src/autograd/tensor_api.js';
import type { Node } from '../../src/autograd/node.js';
import { PyFloat } from '../../src/python/values.js';
import { dtypes } from '../../src/tensor/dtype.js';
import type { Tensor } from '../../src/tensor/tensor.js';

interface Enc {
  shape: number[];
  dtype: keyof typeof dtypes;
  data: number[];
}
interface Case {
  inputs: Enc[];
  output: Enc;
  graph: string;
  gradOutput: Enc;
  grads: (Enc | null)[];
}
const cases: Record<string, Case> = JSON.parse(readFileSync(new URL('./fixtures/ops.json', import.meta.url), 'utf8'));

const f = (v: number) => new PyFloat(v);
const long = (...v: number[]) => ops.tensorFromData(v);
const sl = (start: number | null, stop: number | null, step: number | null = null) => ({ start, stop, step });
type Op = (...xs: Tensor[]) => Tensor;

const OPS: Record<string, Op> = {
  add_bcast: ops.add,
  sub_scalar: (a) => ops.sub(a, f(1.5)),
  rsub: (a) => ops.rsub(a, 2),
  mul_bcast: ops.mul,
  div: ops.div,
  rdiv: (a) => ops.rdiv(a, 3),
  pow_scalar: (a) => ops.pow(a, 3),
  pow_half: (a) => ops.pow(a, f(0.5)),
  pow_tensor: ops.pow,
  scalar_pow: (a) => ops.pow(2, a),
  neg: ops.neg,
  exp: ops.exp, log: ops.log, log2: ops.log2, log10: ops.log10, log1p: ops.log1p, expm1: ops.expm1,
  sin: ops.sin, cos: ops.cos, tan: ops.tan, asin: ops.asin, acos: ops.acos, atan: ops.atan,
  sinh: ops.sinh, cosh: ops.cosh, tanh: ops.tanh, sigmoid: ops.sigmoid, relu: ops.relu, sqrt: ops.sqrt,
  abs: ops.abs, sign: ops.sign, reciprocal: ops.reciprocal,
  clamp: (a) => ops.clamp(a, f(-0.5), f(0.5)),
  clamp_min: (a) => ops.clamp(a, 0, null),
  maximum: ops.maximum, minimum: ops.minimum,
  where: (a, b) => ops.where(ops.gt(a, b), a, b),
  masked_fill: (a) => ops.maskedFill(a, ops.gt(a, 0), f(0.5)),
  sum: (a) => ops.sum(a),
  sum_dim: (a) => ops.sum(a, 1),
  sum_dims_keep: (a) => ops.sum(a, [0, 2], true),
  mean: (a) => ops.mean(a),
  mean_dim: (a) => ops.mean(a, -1),
  prod: (a) => ops.prod(a),
  prod_dim: (a) => ops.prod(a, 1),
  max: ops.maxAll, min: ops.minAll,
  max_dim: (a) => ops.maxDim(a, 1)[0],
  min_dim_keep: (a) => ops.minDim(a, 2, true)[0],
  amax: (a) => ops.amax(a, [0, 1]),
  var: (a) => ops.variance(a), var_dim: (a) => ops.variance(a, 1),
  std: (a) => ops.std(a), std_dim_keep: (a) => ops.std(a, 2, 1, true),
  norm: (a) => ops.norm(a), norm_dim: (a) => ops.norm(a, 2, 1), norm_p1: (a) => ops.norm(a, 1),
  logsumexp: (a) => ops.logsumexp(a, 1),
  cumsum: (a) => ops.cumsum(a, 1), cumprod: (a) => ops.cumprod(a, 1),
  softmax: (a) => ops.softmax(a, 1), log_softmax: (a) => ops.logSoftmax(a, 0),
  mm: ops.mm, mv: ops.mv, dot: ops.dot,
  matmul_1d2d: ops.matmul, matmul_3d2d: ops.matmul, matmul_3d3d: ops.matmul, matmul_bcast: ops.matmul,
  matmul_2d3d: ops.matmul, bmm: ops.bmm, outer: ops.outer,
  reshape_T: (a) => ops.mul(ops.reshape(ops.T(a), [6]), 1),
  view_permute: (a) => ops.permute(ops.t(ops.view(a, [4, 6])), [1, 0]),
  flatten_t: (a) => ops.flatten(ops.t(a)),
  squeeze_unsqueeze: (a) => ops.squeeze(ops.unsqueeze(ops.unsqueeze(a, 0), 2)),
  expand: (a) => ops.expand(a, [2, 3]),
  repeat: (a) => ops.repeat(a, [2, 1, 2]),
  cat: (a, b) => ops.cat([a, b], 1),
  stack: (a, b) => ops.stack([a, b], 1),
  split0: (a) => ops.split(a, 2, 1)[1],
  chunk0: (a) => ops.chunk(a, 2, 1)[0],
  unbind1: (a) => ops.unbind(a, 1)[2],
  flip: (a) => ops.flip(a, [0, 1]),
  index_int_slice: (a) => ops.getitem(a, [1, sl(null, null, 2)]),
  index_none_ellipsis: (a) => ops.getitem(a, [null, 'ellipsis', 1]),
  index_list: (a) => ops.getitem(a, [long(0, 1, 1)]),
  index_mask: (a) => ops.getitem(a, [ops.gt(a, 0)]),
  index_tensor_mid: (a) => ops.getitem(a, [sl(null, null), long(2, 0)]),
  index_two_tensors: (a) => ops.getitem(a, [long(0, 1), sl(null, null), long(3, 1)]),
  mse_loss: (a, b) => ops.mseLoss(a, b),
  mse_loss_sum: (a, b) => ops.mseLoss(a, b, 'sum'),
  l1_loss: (a, b) => ops.l1Loss(a, b),
  smooth_l1_loss: (a, b) => ops.smoothL1Loss(a, b),
  bce: (a, b) => ops.binaryCrossEntropy(a, b),
  bce_logits: (a, b) => ops.binaryCrossEntropyWithLogits(a, b),
  cross_entropy: (a) => ops.crossEntropy(a, long(2, 0)),
  cross_entropy_none: (a) => ops.crossEntropy(a, long(2, 0), null, 'none'),
  nll_loss: (a) => ops.nllLoss(a, long(2, 0)),
  cat_neg_dim: (a, b) => ops.cat([a, b], -1),
  stack_neg_dim: (a, b) => ops.stack([a, b], -1),
  split_sizes: (a) => ops.split(a, [1, 3], 2)[1],
  chunk_dim1: (a) => ops.chunk(a, 3, 1)[2],
  flatten_1: (a) => ops.flatten(a, 1),
  max_keepdim: (a) => ops.maxDim(a, 1, true)[0],
  squeeze_neg: (a) => ops.squeeze(ops.unsqueeze(a, -1), -1),
  mean_all_dims: (a) => ops.mean(a, [0, 1, 2]),
  softmax_neg: (a) => ops.softmax(a, -1),
  var_unbiased_false: (a) => ops.variance(a, 1, 0),
  norm_p3: (a) => ops.norm(a, 3),
  matmul_vec_3d: ops.matmul,
  matmul_3d_vec: ops.matmul,
  where_scalar_other: (a) => ops.where(ops.gt(a, 0), a, ops.scalarTensor(f(0))),
  clamp_max_only: (a) => ops.clamp(a, null, f(0.3)),
  pow_neg_int: (a) => ops.pow(a, -2),
  reshape_transposed_2: (a) => ops.reshape(ops.transpose(a, 0, 2), [4, 6]),
  expand_new_dims: (a) => ops.expand(a, [2, 4, 3]),
  index_negative: (a) => ops.getitem(a, [-1, sl(-2, null)]),
  setitem_grad_value: (a, b) => {
    const t = ops.mul(a, 1);
    ops.setitem(t, [0], ops.mul(b, 2));
    return t;
  },
};

const decode = (e: Enc): Tensor => ops.fromFlat(e.data, e.shape, dtypes[e.dtype]);
function graphOf(t: Tensor): string {
  const rec = (n: Node | null): string => (n === null ? 'None' : `${n.name}(${n.next.map(rec).join(', ')})`);
  return rec(t.gradFn);
}
function expectClose(t: Tensor, e: Enc): void {
  expect(t.shape).toEqual(e.shape);
  expect(t.dtype.name).toBe(e.dtype);
  const got = Array.from(t.toFlatArray());
  got.forEach((v, i) => {
    const want = e.data[i];
    expect(Math.abs(v - want) <= 1e-5 + 1e-4 * Math.abs(want), `element ${i}: ${v} vs ${want}`).toBe(true);
  });
}

describe('ops recorded from PyTorch 1.13', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(OPS).sort()).toEqual(Object.keys(cases).sort());
  });
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const xs = c.inputs.map((e) => {
        const t = decode(e);
        t.requiresGrad = true;
        return t;
      });
      const y = OPS[name](...xs);
      expectClose(y, c.output);
      expect(graphOf(y)).toBe(c.graph);
      tensorBackward(y, decode(c.gradOutput));
      c.grads.forEach((g, i) => {
        if (g === null) expect(xs[i].grad).toBeNull();
        else expectClose(xs[i].grad!, g);
      });
    });
  }
});
