/**
 * torch.X / Tensor.X bindings of the sorting, order-statistic, matrix-shape and
 * index-along-dim ops (signatures as PyTorch 1.13 declares them). Imported by module.ts
 * after functions.ts has built its table.
 */
import * as ops from '../ops/index.js';
import { defineUnary } from '../ops/registry.js';
import { Tensor } from '../tensor/tensor.js';
import type { PyValue } from '../python/values.js';
import { def } from './functions.js';
import { toInt, toScalar, toShape } from './pyconv.js';
import { ReturnPair } from './return_types.js';

const T = (v: PyValue) => v as Tensor;
const pair = (kind: string, [values, indices]: [Tensor, Tensor]) => new ReturnPair(kind, values, indices);
const OUT2 = '*, TensorList[2] out=None';

// ---- sorting and order statistics --------------------------------------------------------
def(
  [`sort(Tensor input, *, bool? stable, int dim=-1, bool descending=False, TensorList[2] out=None)`, `sort(Tensor input, int dim=-1, bool descending=False, ${OUT2})`],
  (b) => pair('sort', ops.sort(T(b.input), toInt(b.dim), b.descending === true, b.stable === true)),
);
def(['argsort(Tensor input, *, bool stable, int dim=-1, bool descending=False)', 'argsort(Tensor input, int dim=-1, bool descending=False)'], (b) =>
  ops.sort(T(b.input), toInt(b.dim), b.descending === true, b.stable === true)[1],
);
def(['msort(Tensor input, *, Tensor out=None)'], (b) => ops.sort(T(b.input), 0)[0]);
def([`topk(Tensor input, int k, int dim=-1, bool largest=True, bool sorted=True, ${OUT2})`], (b) =>
  pair('topk', ops.topk(T(b.input), toInt(b.k), toInt(b.dim), b.largest !== false, b.sorted !== false)),
);
def([`kthvalue(Tensor input, int k, int dim=-1, bool keepdim=False, ${OUT2})`], (b) =>
  pair('kthvalue', ops.kthvalue(T(b.input), toInt(b.k), toInt(b.dim), b.keepdim === true)),
);
for (const [name, all, byDim] of [
  ['median', ops.median, ops.medianDim],
  ['nanmedian', ops.nanmedian, ops.nanmedianDim],
] as const)
  def([`${name}(Tensor input)`, `${name}(Tensor input, int dim, bool keepdim=False, ${OUT2})`], (b, i) =>
    i === 0 ? all(T(b.input)) : pair(name, byDim(T(b.input), toInt(b.dim), b.keepdim === true)),
  );
def([`mode(Tensor input, int dim=-1, bool keepdim=False, ${OUT2})`], (b) => pair('mode', ops.mode(T(b.input), toInt(b.dim), b.keepdim === true)));
for (const [name, f] of [['cummax', ops.cummax], ['cummin', ops.cummin]] as const)
  def([`${name}(Tensor input, int dim, ${OUT2})`], (b) => pair(name, f(T(b.input), toInt(b.dim))));

// ---- matrix shapes -------------------------------------------------------------------------
def(['roll(Tensor input, SymInt[1] shifts, int[1] dims=[])'], (b) => ops.roll(T(b.input), toShape(b.shifts), toShape(b.dims)));
def(['diag(Tensor input, int diagonal=0, *, Tensor out=None)'], (b) => ops.diag(T(b.input), toInt(b.diagonal)));
def(['diagonal(Tensor input, int offset=0, int dim1=0, int dim2=1)'], (b) => ops.diagonal(T(b.input), toInt(b.offset), toInt(b.dim1), toInt(b.dim2)));
def(['diag_embed(Tensor input, int offset=0, int dim1=-2, int dim2=-1)'], (b) => ops.diagEmbed(T(b.input), toInt(b.offset), toInt(b.dim1), toInt(b.dim2)));
def(['trace(Tensor input)'], (b) => ops.trace(T(b.input)));
def(['tril(Tensor input, int diagonal=0, *, Tensor out=None)'], (b) => ops.tril(T(b.input), toInt(b.diagonal)));
def(['triu(Tensor input, int diagonal=0, *, Tensor out=None)'], (b) => ops.triu(T(b.input), toInt(b.diagonal)));

const frac = defineUnary({ gradFn: 'FracBackward0', f: (x) => x - Math.trunc(x), dtype: 'same', grad: (g) => g });
def(['frac(Tensor input, *, Tensor out=None)'], (b) => frac(T(b.input)));

// ---- indexing along a dim ------------------------------------------------------------------
def(['gather(Tensor input, int dim, Tensor index, *, bool sparse_grad=False, Tensor out=None)'], (b) => ops.gather(T(b.input), toInt(b.dim), T(b.index)));
def(
  ['scatter(Tensor input, int dim, Tensor index, Tensor src, *, Tensor out=None)', 'scatter(Tensor input, int dim, Tensor index, Scalar value, *, Tensor out=None)'],
  (b, i) => ops.scatter(T(b.input), toInt(b.dim), T(b.index), i === 0 ? T(b.src) : toScalar(b.value)),
);
def(['scatter_add(Tensor input, int dim, Tensor index, Tensor src, *, Tensor out=None)'], (b) => ops.scatterAdd(T(b.input), toInt(b.dim), T(b.index), T(b.src)));
def(['index_select(Tensor input, int dim, Tensor index, *, Tensor out=None)'], (b) => ops.indexSelect(T(b.input), toInt(b.dim), T(b.index)));

// ---- linear algebra (torch.linalg.X lives in linalg.ts) ---------------------------------------
def(['det(Tensor input)'], (b) => ops.det(T(b.input)));
def(['inverse(Tensor input, *, Tensor out=None)'], (b) => ops.inv(T(b.input)));
