// Which graphs can be backwarded twice without retain_graph: only those whose nodes saved
// no tensors. The table was recorded with PyTorch 1.13 (op(x).sum().backward() twice).
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/ops/index.js';
import { requireGradAtCreation, tensorBackward } from '../../src/autograd/tensor_api.js';
import { PyFloat } from '../../src/python/values.js';
import { float64 } from '../../src/tensor/dtype.js';
import type { Tensor } from '../../src/tensor/tensor.js';

const RECORDED =
  'add:ok sub_s:ok rsub:ok mul_s:ERR div_s:ERR neg:ok pow:ERR exp:ERR abs:ERR relu:ERR sign:ok clamp:ERR sum:ok sum1:ok mean:ok mean1:ERR max:ERR max1:ERR amax:ERR prod:ERR var:ERR std:ERR norm:ERR lse:ERR cumsum:ok softmax:ERR logsoftmax:ERR select:ok slice:ok index:ERR mask:ERR view:ok reshape:ok t:ok T:ok expand:ok unsq:ok squeeze:ok flip:ok repeat:ok cat:ok stack:ok unbind:ok split:ok clone:ok where:ERR maximum:ERR masked_fill:ERR mm:ERR mv:ERR dot:ERR mse:ERR l1:ERR ce:ERR nll:ERR bcel:ERR smoothl1:ERR sigmoid:ERR tanh:ERR sqrt:ERR log:ERR sin:ERR reciprocal:ERR double:ok min1:ERR cumprod:ERR remainder:ok';

const f = (v: number) => new PyFloat(v);
const x = requireGradAtCreation(ops.tensorFromData([[f(1), f(-2), f(3)], [f(4), f(5), f(-6)]]));
const y2 = requireGradAtCreation(ops.tensorFromData([[f(1), f(2), f(3)], [f(4), f(5), f(6)]]));
const L = (...v: number[]) => ops.tensorFromData(v);
const all = { start: null, stop: null, step: null };

const OPS: Record<string, () => Tensor> = {
  add: () => ops.add(x, y2), sub_s: () => ops.sub(x, 1), rsub: () => ops.rsub(x, 1), mul_s: () => ops.mul(x, 2),
  div_s: () => ops.div(x, 2), neg: () => ops.neg(x), pow: () => ops.pow(x, 2), exp: () => ops.exp(x), abs: () => ops.abs(x),
  relu: () => ops.relu(x), sign: () => ops.sign(x), clamp: () => ops.clamp(x, 0, 1), sum: () => ops.sum(x), sum1: () => ops.sum(x, 1),
  mean: () => ops.mean(x), mean1: () => ops.mean(x, 1), max: () => ops.maxAll(x), max1: () => ops.maxDim(x, 1)[0],
  amax: () => ops.amax(x, 1), prod: () => ops.prod(x), var: () => ops.variance(x), std: () => ops.std(x), norm: () => ops.norm(x),
  lse: () => ops.logsumexp(x, 1), cumsum: () => ops.cumsum(x, 1), softmax: () => ops.softmax(x, 1), logsoftmax: () => ops.logSoftmax(x, 1),
  select: () => ops.getitem(x, [0]), slice: () => ops.getitem(x, [all, { start: 1, stop: null, step: null }]),
  index: () => ops.getitem(x, [L(0, 1)]), mask: () => ops.getitem(x, [ops.gt(x, 0)]), view: () => ops.view(x, [6]),
  reshape: () => ops.reshape(x, [6]), t: () => ops.t(x), T: () => ops.T(x), expand: () => ops.expand(ops.getitem(x, [0]), [2, 3]),
  unsq: () => ops.unsqueeze(x, 0), squeeze: () => ops.squeeze(ops.unsqueeze(x, 0)), flip: () => ops.flip(x, [0]),
  repeat: () => ops.repeat(x, [2, 1]), cat: () => ops.cat([x, y2]), stack: () => ops.stack([x, y2]), unbind: () => ops.unbind(x, 0)[0],
  split: () => ops.split(x, 1)[0], clone: () => ops.clone(x), where: () => ops.where(ops.gt(x, 0), x, y2),
  maximum: () => ops.maximum(x, y2), masked_fill: () => ops.maskedFill(x, ops.gt(x, 0), 0), mm: () => ops.matmul(x, ops.T(y2)),
  mv: () => ops.matmul(x, ops.getitem(y2, [0])), dot: () => ops.matmul(ops.getitem(x, [0]), ops.getitem(y2, [0])),
  mse: () => ops.mseLoss(x, y2), l1: () => ops.l1Loss(x, y2), ce: () => ops.crossEntropy(x, L(0, 1)), nll: () => ops.nllLoss(x, L(0, 1)),
  bcel: () => ops.binaryCrossEntropyWithLogits(x, ops.div(y2, 6)), smoothl1: () => ops.smoothL1Loss(x, y2), sigmoid: () => ops.sigmoid(x),
  tanh: () => ops.tanh(x), sqrt: () => ops.sqrt(y2), log: () => ops.log(y2), sin: () => ops.sin(x), reciprocal: () => ops.reciprocal(y2),
  double: () => ops.toDtype(x, float64), min1: () => ops.minDim(x, 1)[0], cumprod: () => ops.cumprod(x, 1), remainder: () => ops.remainder(x, 2),
};

describe('second backward without retain_graph', () => {
  for (const entry of RECORDED.split(' ')) {
    const [name, want] = entry.split(':');
    it(`${name}: ${want}`, () => {
      const y = ops.sum(OPS[name]());
      tensorBackward(y);
      if (want === 'ok') tensorBackward(y);
      else expect(() => tensorBackward(y)).toThrow(/Trying to backward through the graph a second time/);
    });
  }
});
