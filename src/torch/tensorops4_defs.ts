/**
 * torch.X / Tensor.X bindings of the beta*self + alpha*product family (addmm, addmv, addr,
 * addbmm, baddbmm), addcmul/addcdiv, cross, dist, nan_to_num, logspace and cdist, with
 * PyTorch 1.13's signatures. Imported by module.ts after functions.ts has built its table.
 */
import * as af from '../ops/addmm_family.js';
import * as dm from '../ops/distance_misc.js';
import { inplace } from '../ops/inplace.js';
import { requireGradAtCreation } from '../autograd/tensor_api.js';
import { defaultFloat } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import type { PyValue } from '../python/values.js';
import { def } from './functions.js';
import { toDtype, toFloat, toInt, toScalar } from './pyconv.js';

const T = (v: PyValue) => v as Tensor;
const AB = '*, Scalar beta=1, Scalar alpha=1';

for (const [name, a, b, f] of [
  ['addmm', 'mat1', 'mat2', af.addmm],
  ['addmv', 'mat', 'vec', af.addmv],
  ['addr', 'vec1', 'vec2', af.addr],
  ['addbmm', 'batch1', 'batch2', af.addbmm],
  ['baddbmm', 'batch1', 'batch2', af.baddbmm],
] as const) {
  const run = (b_: Record<string, PyValue>, self: Tensor) => f(self, T(b_[a]), T(b_[b]), toScalar(b_.beta), toScalar(b_.alpha));
  def([`${name}(Tensor input, Tensor ${a}, Tensor ${b}, ${AB}, Tensor out=None)`], (bd) => run(bd, T(bd.input)));
  def([`${name}_(Tensor self, Tensor ${a}, Tensor ${b}, ${AB})`], (bd) => inplace(T(bd.self), (s) => run(bd, s)), {
    only: 'method',
    methodSigs: [`${name}_(Tensor self, Tensor ${a}, Tensor ${b}, ${AB})`],
  });
}
for (const [name, f] of [['addcmul', af.addcmul], ['addcdiv', af.addcdiv]] as const) {
  def([`${name}(Tensor input, Tensor tensor1, Tensor tensor2, *, Scalar value=1, Tensor out=None)`], (b) =>
    f(T(b.input), T(b.tensor1), T(b.tensor2), toScalar(b.value)),
  );
  const sig = `${name}_(Tensor self, Tensor tensor1, Tensor tensor2, *, Scalar value=1)`;
  def([sig], (b) => inplace(T(b.self), (s) => f(s, T(b.tensor1), T(b.tensor2), toScalar(b.value))), { only: 'method', methodSigs: [sig] });
}

def(['cross(Tensor input, Tensor other, int? dim=None, *, Tensor out=None)'], (b) => dm.cross(T(b.input), T(b.other), b.dim === null ? null : toInt(b.dim)));
def(['dist(Tensor input, Tensor other, Scalar p=2)'], (b) => dm.dist(T(b.input), T(b.other), toFloat(b.p)));
def(["cdist(Tensor x1, Tensor x2, float p=2.0, str compute_mode='use_mm_for_euclid_dist_if_necessary')"], (b) => dm.cdist(T(b.x1), T(b.x2), toFloat(b.p)), {
  only: 'fn',
});
const optF = (v: PyValue) => (v === null ? null : toFloat(v));
def(['nan_to_num(Tensor input, float? nan=None, float? posinf=None, float? neginf=None, *, Tensor out=None)'], (b) =>
  dm.nanToNum(T(b.input), optF(b.nan), optF(b.posinf), optF(b.neginf)),
);
def(['nan_to_num_(Tensor input, float? nan=None, float? posinf=None, float? neginf=None)'], (b) =>
  inplace(T(b.input), (s) => dm.nanToNum(s, optF(b.nan), optF(b.posinf), optF(b.neginf))), { only: 'method' },
);
def(
  ['logspace(Scalar start, Scalar end, int steps, float base=10.0, *, Tensor out=None, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=None, bool? requires_grad=False)'],
  (b) => {
    const t = dm.logspace(toFloat(b.start), toFloat(b.end), toInt(b.steps), toFloat(b.base), toDtype(b.dtype) ?? defaultFloat);
    if (b.requires_grad === true) requireGradAtCreation(t);
    return t;
  },
  { only: 'fn' },
);
