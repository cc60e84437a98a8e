/** Matrix-shape ops: diagonal (a view), diag, diag_embed, trace, tril, triu, roll. */
import { setTangent } from '../autograd/forward_ad.js';
import { int64 } from '../tensor/dtype.js';
import { runtimeError } from '../tensor/errors.js';
import { wrapDim } from '../tensor/shape.js';
import { type Tensor, contiguousData, fromFlat } from '../tensor/tensor.js';
import { rawCopy } from './convert.js';
import { zeros } from './creation.js';
import { make } from './kernels.js';
import { backwardFn, needsGrad, record } from './registry.js';
import { aliasOf, copyInto, expand } from './views.js';

type DiagArgs = [number, number, number];

/** The geometry of x.diagonal(offset, d1, d2) (d1, d2 wrapped). */
function diagonalView(x: Tensor, offset: number, d1: number, d2: number): Tensor {
  let len: number;
  let start = x.offset;
  if (offset >= 0) {
    len = Math.max(Math.min(x.shape[d1], x.shape[d2] - offset), 0);
    if (len > 0) start += offset * x.strides[d2];
  } else {
    len = Math.max(Math.min(x.shape[d1] + offset, x.shape[d2]), 0);
    if (len > 0) start -= offset * x.strides[d1];
  }
  const shape = x.shape.filter((_, d) => d !== d1 && d !== d2);
  const strides = x.strides.filter((_, d) => d !== d1 && d !== d2);
  return aliasOf(x, [...shape, len], [...strides, x.strides[d1] + x.strides[d2]], start);
}

function wrapPair(nd: number, dim1: number, dim2: number): [number, number] {
  const d1 = wrapDim(dim1, nd);
  const d2 = wrapDim(dim2, nd);
  if (d1 === d2) throw runtimeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  return [d1, d2];
}

/** Zeros of `shape` with g written on the (offset, d1, d2) diagonal: diagonal's backward, diag_embed's forward. */
function embedDiagonal(g: Tensor, shape: readonly number[], [offset, d1, d2]: DiagArgs): Tensor {
  const z = zeros(shape, g.dtype);
  copyInto(diagonalView(z, offset, d1, d2), g);
  return z;
}

const diagAttrs = (n: { ctx: unknown }) => {
  const [, [offset, dim1, dim2]] = n.ctx as [number[], DiagArgs];
  return { offset, dim1, dim2 };
};
const diagonalFn = backwardFn('DiagonalBackward0', (n, [g]) => {
  const [shape, args] = n.ctx as [number[], DiagArgs];
  return [embedDiagonal(g!, shape, args)];
}, diagAttrs);

/** x.diagonal(offset, dim1, dim2): a view (DiagonalBackward0). */
export function diagonal(x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  const [d1, d2] = wrapPair(x.shape.length, dim1, dim2);
  const out = diagonalView(x, offset, d1, d2);
  if (needsGrad(x)) record(out, diagonalFn, [x], [x.shape, [offset, d1, d2]]);
  if (x.tangent !== null) setTangent(out, () => diagonal(x.tangent!, offset, d1, d2));
  return out;
}

const diagEmbedFn = backwardFn('DiagEmbedBackward0', (n, [g]) => {
  const [offset, d1, d2] = n.ctx as DiagArgs;
  return [diagonal(g!, offset, d1, d2)];
});

/** torch.diag_embed: the last dim of x becomes the (offset, dim1, dim2) diagonal of a new tensor. */
export function diagEmbed(x: Tensor, offset = 0, dim1 = -2, dim2 = -1): Tensor {
  const nd = x.shape.length + 1;
  const [d1, d2] = wrapPair(nd, dim1, dim2);
  const n = (x.shape[x.shape.length - 1] ?? 1) + Math.abs(offset);
  const rest = x.shape.slice(0, -1);
  const shape: number[] = [];
  for (let d = 0, r = 0; d < nd; d++) shape.push(d === d1 || d === d2 ? n : rest[r++]);
  const out = embedDiagonal(x, shape, [offset, d1, d2]);
  if (needsGrad(x)) record(out, diagEmbedFn, [x], [offset, d1, d2]);
  return out;
}

const diagFn = backwardFn('DiagBackward0', (n, [g]) => {
  const [shape, k] = n.ctx as [number[], number];
  return [shape.length === 1 ? diagonal(g!, k, 0, 1) : embedDiagonal(g!, shape, [k, 0, 1])];
}, (n) => ({ diagonal: (n.ctx as [number[], number])[1] }));

/** torch.diag: a vector -> the matrix with it on diagonal k; a matrix -> its diagonal k (a copy). */
export function diag(x: Tensor, k = 0): Tensor {
  const nd = x.shape.length;
  if (nd !== 1 && nd !== 2) throw runtimeError('matrix or a vector expected');
  let out: Tensor;
  if (nd === 1) {
    const n = x.shape[0] + Math.abs(k);
    out = embedDiagonal(x, [n, n], [k, 0, 1]);
  } else out = rawCopy(diagonalView(x, k, 0, 1));
  if (needsGrad(x)) record(out, diagFn, [x], [x.shape, k]);
  return out;
}

const traceFn = backwardFn('TraceBackward0', (n, [g]) => {
  const shape = n.ctx as number[];
  const m = Math.min(shape[0], shape[1]);
  return [embedDiagonal(expand(g!, [m]), shape, [0, 0, 1])];
}, (n) => ({ self_sym_sizes: n.ctx as number[] }));

/** torch.trace: sum of the main diagonal (accumulated in double, as ATen's trace_cpu). Ints give int64. */
export function trace(x: Tensor): Tensor {
  if (x.shape.length !== 2) throw runtimeError(`trace: expected a matrix, but got tensor with dim ${x.shape.length}`);
  const d = contiguousData(diagonalView(x, 0, 0, 1));
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i];
  const out = fromFlat([s], [], x.dtype.isFloating ? x.dtype : int64);
  if (needsGrad(x)) record(out, traceFn, [x], x.shape);
  return out;
}

/** Keeps the elements of the last two dims with (col - row) inside the band; zeros the rest. */
function band(x: Tensor, keep: (colMinusRow: number) => boolean): Tensor {
  wrapDim(-2, x.shape.length); // PyTorch's IndexError for fewer than 2 dims
  const out = rawCopy(x);
  const rows = x.shape[x.shape.length - 2];
  const cols = x.shape[x.shape.length - 1];
  const d = out.data;
  for (let base = 0; base < d.length; base += rows * cols)
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (!keep(c - r)) d[base + r * cols + c] = 0;
  return out;
}

const trilFn = backwardFn('TrilBackward0', (n, [g]) => [tril(g!, n.ctx as number)], (n) => ({ diagonal: n.ctx as number }));
const triuFn = backwardFn('TriuBackward0', (n, [g]) => [triu(g!, n.ctx as number)], (n) => ({ diagonal: n.ctx as number }));

export function tril(x: Tensor, k = 0): Tensor {
  const out = band(x, (c) => c <= k);
  if (needsGrad(x)) record(out, trilFn, [x], k);
  if (x.tangent !== null) setTangent(out, () => tril(x.tangent!, k));
  return out;
}
export function triu(x: Tensor, k = 0): Tensor {
  const out = band(x, (c) => c >= k);
  if (needsGrad(x)) record(out, triuFn, [x], k);
  if (x.tangent !== null) setTangent(out, () => triu(x.tangent!, k));
  return out;
}

const rollFn = backwardFn('RollBackward0', (n, [g]) => {
  const [shifts, dims] = n.ctx as [number[], number[]];
  return [roll(g!, shifts.map((s) => -s), dims)];
}, (n) => {
  const [shifts, dims] = n.ctx as [number[], number[]];
  return { dims, shifts };
});

/** torch.roll: elements shifted cyclically along dims (the flattened tensor when dims is empty). */
export function roll(x: Tensor, shifts: readonly number[], dims: readonly number[]): Tensor {
  if (dims.length === 0 ? shifts.length !== 1 : shifts.length !== dims.length) {
    throw runtimeError(`shifts and dimensions must align. shifts: ${shifts.length}, dims:${dims.length}`);
  }
  const src = contiguousData(x);
  let data = src;
  if (dims.length === 0) data = rollLine(src, 1, src.length, 1, shifts[0]);
  else
    for (let i = 0; i < dims.length; i++) {
      const d = wrapDim(dims[i], x.shape.length);
      let outer = 1;
      let inner = 1;
      for (let j = 0; j < d; j++) outer *= x.shape[j];
      for (let j = d + 1; j < x.shape.length; j++) inner *= x.shape[j];
      data = rollLine(data, outer, x.shape[d], inner, shifts[i]);
    }
  const out = make(data === src ? src.slice() : data, x.shape.slice(), x.dtype);
  if (needsGrad(x)) record(out, rollFn, [x], [shifts.slice(), dims.slice()]);
  if (x.tangent !== null) setTangent(out, () => roll(x.tangent!, shifts, dims));
  return out;
}

function rollLine<S extends ArrayLike<number> & { slice(): S }>(data: S, outer: number, size: number, inner: number, shift: number): S {
  const out = data.slice();
  if (size === 0) return out;
  const s = ((shift % size) + size) % size;
  for (let o = 0; o < outer; o++)
    for (let j = 0; j < size; j++) {
      const from = (o * size + j) * inner;
      const to = (o * size + ((j + s) % size)) * inner;
      for (let i = 0; i < inner; i++) (out as unknown as number[])[to + i] = data[from + i];
    }
  return out;
}

