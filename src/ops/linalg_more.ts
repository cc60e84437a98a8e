/** inner, vdot, kron and matrix_power, composed as PyTorch 1.13 composes them (same graphs). */
import { runtimeError } from '../tensor/errors.js';
import { numelOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { withGradMode } from '../autograd/grad_mode.js';
import { mul } from './arith.js';
import { clone, contiguous } from './convert.js';
import { eye } from './creation.js';
import { copy_ } from './inplace.js';
import { dot, matmul, mm } from './linalg.js';
import { inv } from './linalg_extra.js';
import { backwardFn, needsGrad2, record } from './registry.js';
import { expand, permute, reshape, unsafeView } from './views.js';

/** inner: tensordot over the last dims (permute, reshape, mm, reshape); 0-d operands multiply. */
export function inner(a: Tensor, b: Tensor): Tensor {
  if (a.shape.length === 0 || b.shape.length === 0) return mul(a, b);
  const ka = a.shape[a.shape.length - 1];
  const kb = b.shape[b.shape.length - 1];
  if (ka !== kb) {
    throw runtimeError(
      `inner() the last dimension must match on both input tensors but got shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`,
    );
  }
  const ra = a.shape.slice(0, -1);
  const rb = b.shape.slice(0, -1);
  const pa = permute(a, [...ra.keys(), ra.length]);
  const pb = permute(b, [rb.length, ...rb.keys()]);
  const m = mm(reshape(pa, [numelOf(ra), ka]), reshape(pb, [kb, numelOf(rb)]));
  return reshape(m, [...ra, ...rb]);
}

const vdotFn = backwardFn('VdotBackward0', (n, [g]) => [n.next[0] ? mul(g!, n.unpack(1)) : null, n.next[1] ? mul(g!, n.unpack(0)) : null]);

/** vdot: dot for real tensors, under its own node name. */
export function vdot(a: Tensor, b: Tensor): Tensor {
  const out = withGradMode(false, () => dot(a, b));
  if (needsGrad2(a, b)) {
    const node = record(out, vdotFn, [a, b]);
    node.save(b.requiresGrad ? a : null);
    node.save(a.requiresGrad ? b : null);
  }
  return out;
}

/** kron: a as (a0, 1, a1, 1, ...) times b as (1, b0, 1, b1, ...), viewed flat (UnsafeViewBackward0 x3). */
export function kron(a: Tensor, b: Tensor): Tensor {
  const nd = Math.max(a.shape.length, b.shape.length);
  const pad = (s: readonly number[]) => [...new Array<number>(nd - s.length).fill(1), ...s];
  const as = pad(a.shape);
  const bs = pad(b.shape);
  const av = unsafeView(contiguous(a), as.flatMap((s) => [s, 1]));
  const bv = unsafeView(contiguous(b), bs.flatMap((s) => [1, s]));
  return unsafeView(mul(av, bv), as.map((s, i) => s * bs[i]));
}

/** matrix_power(n): ATen's fast paths and binary decomposition, so the Mm nodes match. */
export function matrixPower(a: Tensor, n: number): Tensor {
  const nd = a.shape.length;
  if (nd < 2 || a.shape[nd - 1] !== a.shape[nd - 2]) {
    throw runtimeError(`linalg.matrix_power: A must be batches of square matrices, but they are ${a.shape[nd - 2] ?? 1} by ${a.shape[nd - 1] ?? 1} matrices`);
  }
  if (n === 0) return copy_(clone(a), expand(eye(a.shape[nd - 1], a.shape[nd - 1], a.dtype), a.shape));
  if (n === 1) return clone(a);
  const base = n < 0 ? inv(a) : a;
  let k = Math.abs(n);
  if (k === 1) return base;
  if (k === 2) return matmul(base, base);
  if (k === 3) return matmul(matmul(base, base), base);
  let z: Tensor | null = null;
  let result: Tensor | null = null;
  for (;;) {
    const bit = k % 2;
    k = Math.floor(k / 2);
    z = z === null ? base : matmul(z, z);
    if (bit === 1) {
      result = result === null ? z : matmul(result, z);
      if (k === 0) return result;
    }
  }
}
