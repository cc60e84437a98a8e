/** Shapes, strides and dimension arithmetic, with PyTorch's error texts. */
import { indexError, runtimeError } from './errors.js';

export type Shape = readonly number[];

export function numelOf(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Shared by all 0-d tensors (shape and stride arrays are never mutated). */
const NO_DIMS: number[] = [];

export function contiguousStrides(shape: Shape): number[] {
  if (shape.length === 0) return NO_DIMS;
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] || 1;
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `[2, 3]` as PyTorch prints sizes inside messages. */
export const shapeList = (shape: Shape): string => `[${shape.join(', ')}]`;
/** `torch.Size([2, 3])` */
export const sizeRepr = (shape: Shape): string => `torch.Size([${shape.join(', ')}])`;

/** Wraps a possibly negative dim; IndexError "Dimension out of range ..." like ATen's maybe_wrap_dim. */
export function wrapDim(dim: number, ndim: number): number {
  const n = ndim === 0 ? 1 : ndim; // a 0-d tensor accepts dims -1 and 0
  if (dim < -n || dim >= n) {
    throw indexError(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

/** Broadcast two shapes; names a and b as PyTorch's error message does. */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  if (sameShape(a, b)) return a as number[];
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  // from the last dim, as PyTorch reports the first mismatch from the right
  for (let i = n - 1; i >= 0; i--) {
    const ai = a.length - n + i;
    const bi = b.length - n + i;
    const da = ai >= 0 ? a[ai] : 1;
    const db = bi >= 0 ? b[bi] : 1;
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else {
      throw runtimeError(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    }
  }
  return out;
}

/** Strides that read a tensor of `shape`/`strides` as if it had `target` shape (0 on broadcast dims). */
export function broadcastStrides(shape: Shape, strides: readonly number[], target: Shape): number[] {
  const n = target.length;
  const out = new Array<number>(n);
  const off = n - shape.length;
  for (let i = 0; i < n; i++) {
    const j = i - off;
    out[i] = j < 0 || shape[j] === 1 ? 0 : strides[j];
  }
  return out;
}

/** Resolve a `-1` in a view/reshape target against numel, with PyTorch's messages. */
export function inferSize(shape: readonly number[], numel: number): number[] {
  let infer = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === -1) {
      if (infer >= 0) throw runtimeError('only one dimension can be inferred');
      infer = i;
    } else if (shape[i] < 0) {
      throw runtimeError(`invalid shape dimension ${shape[i]}`);
    } else known *= shape[i];
  }
  const out = shape.slice();
  if (infer >= 0) {
    if (known === 0 || numel % known !== 0) throw runtimeError(`shape '${shapeList(shape)}' is invalid for input of size ${numel}`);
    out[infer] = numel / known;
  } else if (known !== numel) {
    throw runtimeError(`shape '${shapeList(shape)}' is invalid for input of size ${numel}`);
  }
  return out;
}
