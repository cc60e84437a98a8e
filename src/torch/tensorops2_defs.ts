/**
 * torch.X / Tensor.X bindings of the data-dependent selections (nonzero, masked_select,
 * unique, bincount, count_nonzero), signatures as PyTorch 1.13 declares them. Imported by
 * module.ts after functions.ts has built its table.
 */
import * as ops from '../ops/index.js';
import { requireGradAtCreation } from '../autograd/tensor_api.js';
import { bool, defaultFloat } from '../tensor/dtype.js';
import { runtimeError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { PyTuple, type PyValue } from '../python/values.js';
import { def } from './functions.js';
import { genOf } from './generator.js';
import { toDims, toDtype, toFloat, toInt, toShape } from './pyconv.js';

const T = (v: PyValue) => v as Tensor;

def(['nonzero(Tensor input, *, bool as_tuple=False, Tensor out=None)'], (b) =>
  b.as_tuple === true ? new PyTuple(ops.nonzeroTuple(T(b.input))) : ops.nonzero(T(b.input)),
);
def(['masked_select(Tensor input, Tensor mask, *, Tensor out=None)'], (b) => ops.maskedSelect(T(b.input), T(b.mask)));
def(['unique(Tensor input, bool sorted=True, bool return_inverse=False, bool return_counts=False, int? dim=None)'], (b) => {
  const x = T(b.input);
  let r: ops.UniqueResult;
  if (b.dim !== null) r = ops.uniqueDim(x, toInt(b.dim));
  // 1.13 leaves unsorted values in the order of its hash set (libstdc++'s buckets)
  else if (b.sorted === false && x.dtype !== bool) throw runtimeError('torch.unique(sorted=False) is not supported by gradviz');
  else r = ops.unique(x);
  if (b.return_inverse !== true && b.return_counts !== true) return r.values;
  const out: Tensor[] = [r.values];
  if (b.return_inverse === true) out.push(r.inverse);
  if (b.return_counts === true) out.push(r.counts);
  return new PyTuple(out);
});
def(['bincount(Tensor input, Tensor? weights=None, int minlength=0)'], (b) =>
  ops.bincount(T(b.input), b.weights as Tensor | null, toInt(b.minlength)),
);
def(['count_nonzero(Tensor input, int? dim=None)', 'count_nonzero(Tensor input, int[1] dim)'], (b, i) =>
  ops.countNonzero(T(b.input), i === 0 ? (b.dim === null ? null : [toInt(b.dim)]) : (toDims(b.dim) as number[])),
);

// ---- sampling (generator= picks the stream; the default one otherwise) --------------------
const GEN = '*, Generator? generator=None';
def(
  [
    `normal(Tensor mean, Tensor std, ${GEN}, Tensor out=None)`,
    `normal(Tensor mean, float std=1, ${GEN}, Tensor out=None)`,
    `normal(float mean, Tensor std, ${GEN}, Tensor out=None)`,
    `normal(float mean, float std, SymInt[] size, ${GEN}, Tensor out=None, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None, bool? requires_grad=False)`,
  ],
  (b, i) => {
    const gen = genOf(b);
    if (i === 0) return ops.normalTensorTensor(gen, T(b.mean), T(b.std));
    if (i === 1) return ops.normalTensorFloat(gen, T(b.mean), toFloat(b.std));
    if (i === 2) return ops.normalFloatTensor(gen, toFloat(b.mean), T(b.std));
    const dtype = toDtype(b.dtype) ?? defaultFloat;
    const t = ops.normal_(gen, ops.zeros(toShape(b.size), dtype), toFloat(b.mean), toFloat(b.std));
    if (b.requires_grad === true) requireGradAtCreation(t);
    return t;
  },
  { only: 'fn' },
);
def([`bernoulli(Tensor input, ${GEN}, Tensor out=None)`, `bernoulli(Tensor input, float p, ${GEN})`], (b, i) =>
  i === 0 ? ops.bernoulli(genOf(b), T(b.input)) : ops.bernoulliScalar(genOf(b), T(b.input), toFloat(b.p)),
);
def([`normal_(Tensor self, float mean=0, float std=1, ${GEN})`], (b) => ops.normal_(genOf(b), T(b.self), toFloat(b.mean), toFloat(b.std)), {
  only: 'method',
  methodSigs: [`normal_(Tensor self, float mean=0, float std=1, ${GEN})`],
});
def([`uniform_(Tensor self, float from=0, float to=1, ${GEN})`], (b) => ops.uniform_(genOf(b), T(b.self), toFloat(b.from), toFloat(b.to)), {
  only: 'method',
  methodSigs: [`uniform_(Tensor self, float from=0, float to=1, ${GEN})`],
});
def([`bernoulli_(Tensor self, Tensor p, ${GEN})`, `bernoulli_(Tensor self, float p=0.5, ${GEN})`], (b, i) =>
  i === 0 ? ops.bernoulliTensor_(genOf(b), T(b.self), T(b.p)) : ops.bernoulliScalar_(genOf(b), T(b.self), toFloat(b.p)),
  { only: 'method', methodSigs: [`bernoulli_(Tensor self, Tensor p, ${GEN})`, `bernoulli_(Tensor self, float p=0.5, ${GEN})`] },
);
