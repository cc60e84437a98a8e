/**
 * Forward-mode AD (torch.autograd.forward_ad): dual tensors carry a tangent; ops declared
 * in the catalogue propagate it with their jvp rule (element-wise ops reuse their backward
 * formula, as derivatives.yaml's auto_element_wise; linear ops apply themselves to the
 * tangent, as auto_linear). Supported: every unary/binary element-wise op, views,
 * sum/mean, dot/mv/mm/bmm (so matmul), cat/stack, softmax/log_softmax, where, clamp.
 */
import { runtimeError } from '../tensor/errors.js';
import { shapeList } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { withGradMode } from './grad_mode.js';

let level = -1;
const duals: Tensor[] = [];

/** `with fwAD.dual_level():` — entering returns the level; exiting clears the tangents made in it. */
export function enterDualLevel(): number {
  if (level >= 0) throw runtimeError('Nested forward mode AD is not supported at the moment');
  level = 0;
  return level;
}
export function exitDualLevel(): void {
  for (const t of duals) t.tangent = null;
  duals.length = 0;
  level = -1;
}

/** fwAD.make_dual(primal, tangent): a view of primal carrying a copy of tangent laid out like it. */
export function makeDual(primal: Tensor, tangent: Tensor): Tensor {
  if (level < 0) throw runtimeError('make_dual must be called inside a dual_level context');
  if (primal.shape.length !== tangent.shape.length || primal.shape.some((s, i) => s !== tangent.shape[i])) {
    throw runtimeError(
      `Trying to set a forward gradient that has a different size than that of the original Tensor, this is not supported. Tensor is of size ${shapeList(primal.shape)} while the given forward gradient is of size ${shapeList(tangent.shape)}.`,
    );
  }
  const dual = new Tensor(primal.data, primal.shape, primal.strides, primal.offset, primal.dtype, primal.version);
  dual.base = primal.base ?? primal;
  dual.requiresGrad = primal.requiresGrad;
  dual.gradFn = primal.gradFn;
  dual.outputNr = primal.outputNr;
  dual.accumulator = primal.accumulator;
  dual.tangent = layoutLike(primal, tangent);
  trackDual(dual);
  return dual;
}

/** fwAD.unpack_dual(t) -> (primal, tangent|null). */
export function unpackDual(t: Tensor): { primal: Tensor; tangent: Tensor | null } {
  const primal = withoutTangent(t);
  return { primal, tangent: t.tangent };
}

/** The same tensor (data, history) without its tangent: what jvp formulas compute with. */
export function withoutTangent(t: Tensor): Tensor {
  if (t.tangent === null) return t;
  const p = new Tensor(t.data, t.shape, t.strides, t.offset, t.dtype, t.version);
  p.base = t.base;
  p.requiresGrad = t.requiresGrad;
  p.gradFn = t.gradFn;
  p.outputNr = t.outputNr;
  p.accumulator = t.accumulator;
  return p;
}

/** Attach a computed tangent to an op's output (computed outside grad recording). */
export function setTangent(out: Tensor, compute: () => Tensor): void {
  const t = withGradMode(false, compute);
  out.tangent = layoutLike(out, t);
  trackDual(out);
}

/** t's values (broadcast to out's shape) in storage laid out exactly like out. */
function layoutLike(out: Tensor, t: Tensor): Tensor {
  const same =
    t.offset === out.offset &&
    t.data.length === out.data.length &&
    t.shape.length === out.shape.length &&
    t.shape.every((s, i) => s === out.shape[i] && (s === 1 || t.strides[i] === out.strides[i]));
  if (same && t.dtype === out.dtype) return t;
  const store = new Tensor(out.dtype.alloc(out.data.length), out.shape, out.strides, out.offset, out.dtype);
  const n = out.numel();
  const tn = t.numel();
  const flat = t.toFlatArray();
  let k = 0;
  forEachIndex(out, (off) => (store.data[off] = flat[tn === n ? k++ : k++ % tn]));
  return store;
}

/** auto_linear jvp: the op itself applied to the tangent. */
export function linearTangent(out: Tensor, x: Tensor, op: (t: Tensor) => Tensor): void {
  if (x.tangent !== null) setTangent(out, () => op(x.tangent!));
}

function trackDual(t: Tensor): void {
  duals.push(t);
}

function forEachIndex(t: Tensor, fn: (off: number) => void): void {
  const n = t.numel();
  for (let i = 0; i < n; i++) {
    let rem = i;
    let off = t.offset;
    for (let d = t.shape.length - 1; d >= 0; d--) {
      off += (rem % t.shape[d]) * t.strides[d];
      rem = Math.floor(rem / t.shape[d]);
    }
    fn(off);
  }
}
