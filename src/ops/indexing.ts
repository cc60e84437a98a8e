/** Python indexing: t[key] (views for int/slice/None/..., IndexBackward0 for tensor indices) and t[key] = v. */
import { bool, int64 } from '../tensor/dtype.js';
import { indexError, runtimeError, valueError } from '../tensor/errors.js';
import { broadcastShapes, numelOf, shapeList } from '../tensor/shape.js';
import { Tensor, contiguousData } from '../tensor/tensor.js';
import { zeros } from './creation.js';
import { castData, expandTo, make } from './kernels.js';
import { backwardFn, needsGrad, needsGrad2, record } from './registry.js';
import { type TensorOrScalar, asTensor } from './scalar.js';
import { copy_, inplace } from './inplace.js';
import { alias, expand, expandRaw, select, slice, unsqueeze, view } from './views.js';

/** The value of `t[key] = value` expanded to the indexed shape; keeps autograd (ExpandBackward0) when needed. */
function expandValue(value: Tensor, shape: readonly number[]): Tensor {
  // leading size-1 dims beyond the target's are dropped first (PyTorch's slicePrefix1sSize)
  let lead = 0;
  while (value.shape.length - lead > shape.length && value.shape[lead] === 1) lead++;
  const v = lead > 0 ? view(value, value.shape.slice(lead)) : value;
  const e = expandRaw(v, shape);
  return v.requiresGrad ? expand(v, shape) : e;
}

export interface SliceKey {
  start: number | null;
  stop: number | null;
  step: number | null;
}
/** One element of a subscript: int, slice, None (null), Ellipsis, or an index tensor (int64 or bool). */
export type IndexKey = number | SliceKey | null | 'ellipsis' | Tensor;

interface Basic {
  view: Tensor;
  /** advanced index tensor per dim of `view` (null: whole dim) */
  adv: (Tensor | null)[];
}

function applyBasic(self: Tensor, keys: readonly IndexKey[]): Basic {
  let specified = 0;
  for (const k of keys) {
    if (typeof k === 'number' || (k !== null && typeof k === 'object' && !(k instanceof Tensor))) specified++;
    else if (k instanceof Tensor) specified += k.dtype === bool || k.dtype.name === 'uint8' ? k.shape.length : 1;
  }
  if (self.shape.length === 0 && keys.some((k) => typeof k === 'number')) {
    throw indexError('invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number');
  }
  if (specified > self.shape.length) throw indexError(`too many indices for tensor of dimension ${self.shape.length}`);
  let r = self;
  let dim = 0;
  const adv: (Tensor | null)[] = [];
  for (let pos = 0; pos < keys.length; pos++) {
    let k = keys[pos];
    // a 0-d integer tensor indexes like an int (SelectBackward0)
    if (k instanceof Tensor && k.shape.length === 0 && !k.dtype.isFloating && k.dtype !== bool && k.dtype.name !== 'uint8') k = k.item();
    if (typeof k === 'number') {
      // PyTorch names the position of the index in the subscript, not the dim it lands on
      const size = r.shape[dim];
      if (k < -size || k >= size) throw indexError(`index ${k} is out of bounds for dimension ${pos} with size ${size}`);
      r = select(r, dim, k);
    } else if (k === null) {
      r = unsqueeze(r, dim);
      adv.splice(dim, 0, null);
      dim++;
    } else if (k === 'ellipsis') {
      dim += self.shape.length - specified;
    } else if (k instanceof Tensor) {
      if ((k.dtype === bool || k.dtype.name === 'uint8') && k.shape.length === 0) {
        // a 0-d mask adds a dim of size 1 and keeps it (True) or empties it (False)
        r = unsqueeze(r, dim);
        adv.splice(dim, 0, make(Float64Array.from(k.item() ? [0] : []), [k.item() ? 1 : 0], int64));
        dim++;
      } else if (k.dtype === bool || k.dtype.name === 'uint8') {
        const nz = nonzeroCols(k, r.shape, dim);
        for (const t of nz) adv[dim++] = t;
      } else {
        if (k.dtype.isFloating || k.dtype === bool) throw indexError('tensors used as indices must be long, byte or bool tensors');
        adv[dim++] = k;
      }
    } else {
      const step = k.step ?? 1;
      if (step <= 0) throw valueError('step must be greater than zero');
      r = slice(r, dim, k.start, k.stop, step);
      dim++;
    }
  }
  if (r === self && adv.length === 0) r = alias(self);
  return { view: r, adv };
}

/** Bool mask -> one int64 index tensor per masked dim (nonzero). */
function nonzeroCols(mask: Tensor, shape: readonly number[], dim: number): Tensor[] {
  const md = mask.shape.length;
  for (let i = 0; i < md; i++) {
    if (mask.shape[i] !== shape[dim + i]) {
      throw indexError(
        `The shape of the mask ${shapeList(mask.shape)} at index ${i} does not match the shape of the indexed tensor ${shapeList(shape)} at index ${dim + i}`,
      );
    }
  }
  const flat = contiguousData(mask);
  const cols: number[][] = Array.from({ length: Math.max(md, 1) }, () => []);
  for (let i = 0; i < flat.length; i++) {
    if (!flat[i]) continue;
    let rem = i;
    for (let d = md - 1; d >= 0; d--) {
      cols[d].push(rem % mask.shape[d]);
      rem = Math.floor(rem / mask.shape[d]);
    }
  }
  return cols.slice(0, md).map((c) => make(Float64Array.from(c), [c.length], int64));
}

/** Flat storage offsets (relative to view.offset) selected by advanced indices, and the result shape. */
function gatherPlan(view: Tensor, adv: readonly (Tensor | null)[]): { offsets: Int32Array | number[]; shape: number[] } {
  const nd = view.shape.length;
  const advDims: number[] = [];
  for (let d = 0; d < nd; d++) if (adv[d]) advDims.push(d);
  let bshape: number[] = [];
  for (const d of advDims) bshape = broadcastShapes(bshape, adv[d]!.shape);
  const idxData = advDims.map((d) => {
    const e = contiguousData(expandTo(adv[d]!, bshape));
    const size = view.shape[d];
    for (let i = 0; i < e.length; i++) {
      const v = e[i];
      if (v < -size || v >= size) throw indexError(`index ${v} is out of bounds for dimension ${d} with size ${size}`);
    }
    return e;
  });
  const adjacent = advDims.length > 0 && advDims[advDims.length - 1] - advDims[0] === advDims.length - 1;
  const rest = [...Array(nd).keys()].filter((d) => !adv[d]);
  const before = adjacent ? rest.filter((d) => d < advDims[0]) : [];
  const after = adjacent ? rest.filter((d) => d > advDims[0]) : rest;
  const shape = [...before.map((d) => view.shape[d]), ...bshape, ...after.map((d) => view.shape[d])];
  const nb = numelOf(bshape);
  const offsets: number[] = [];
  const walk = (dims: number[], i: number, acc: number, cb: (o: number) => void): void => {
    if (i === dims.length) return cb(acc);
    const d = dims[i];
    for (let k = 0; k < view.shape[d]; k++) walk(dims, i + 1, acc + k * view.strides[d], cb);
  };
  walk(before, 0, 0, (ob) => {
    for (let b = 0; b < nb; b++) {
      let o = ob;
      advDims.forEach((d, j) => {
        const v = idxData[j][b];
        o += (v < 0 ? v + view.shape[d] : v) * view.strides[d];
      });
      walk(after, 0, o, (oa) => offsets.push(oa));
    }
  });
  return { offsets, shape };
}

const indexFn = backwardFn('IndexBackward0', (n, [g]) => {
  const { shape, offsets } = n.ctx as { shape: number[]; offsets: number[] };
  // the index tensors are saved (checked for in-place changes, freed after backward)
  n.saved!.forEach((_, i) => n.unpack(i));
  const z = zeros(shape, g!.dtype);
  const gd = contiguousData(g!);
  for (let i = 0; i < offsets.length; i++) z.data[offsets[i]] += gd[i];
  return [z];
});

/** t[keys] */
export function getitem(self: Tensor, keys: readonly IndexKey[]): Tensor {
  const { view, adv } = applyBasic(self, keys);
  if (!adv.some((a) => a)) return view;
  const { offsets, shape } = gatherPlan(view, adv);
  const out = make(view.dtype.alloc(offsets.length), shape, view.dtype);
  for (let i = 0; i < offsets.length; i++) out.data[i] = view.data[view.offset + offsets[i]];
  if (needsGrad(view)) {
    // offsets are relative to the view; the gradient is laid out contiguously in view's shape
    const vc = make(view.dtype.alloc(0), view.shape.slice(), view.dtype);
    const rel = gatherPlan(vc, adv).offsets as number[];
    const node = record(out, indexFn, [view], { shape: view.shape, offsets: rel });
    for (const a of adv) if (a) node.save(a);
  }
  return out;
}

const indexPutFn = backwardFn('IndexPutBackward0', (n, [g]) => {
  const { offsets, valuesShape } = n.ctx as { offsets: number[]; valuesShape: number[] };
  const gs = castData(g!, g!.dtype);
  const picked = make(g!.dtype.alloc(offsets.length), [offsets.length], g!.dtype);
  for (let i = 0; i < offsets.length; i++) {
    picked.data[i] = gs.data[offsets[i]];
    gs.data[offsets[i]] = 0;
  }
  return [gs, n.next[1] ? sumToShape(picked, valuesShape) : null];
});
function sumToShape(flat: Tensor, shape: number[]): Tensor {
  const n = numelOf(shape);
  const out = make(flat.dtype.alloc(n), shape.slice(), flat.dtype);
  for (let i = 0; i < flat.data.length; i++) out.data[i % Math.max(n, 1)] += flat.data[i];
  return out;
}

/** t[keys] = value: copy_ into the view (CopySlices on a view), index_put_ for tensor indices. */
export function setitem(self: Tensor, keys: readonly IndexKey[], value: TensorOrScalar): void {
  const { view, adv } = applyBasic(self, keys);
  if (!adv.some((a) => a)) {
    // the value is expanded to the indexed part first (expand's errors, as PyTorch)
    const v = asTensor(value);
    copy_(view, v.shape.length === view.shape.length && v.shape.every((s, i) => s === view.shape[i]) ? v : expandValue(v, view.shape));
    return;
  }
  if (view !== self && view.base === null) throw runtimeError('index assignment through a copy');
  const v = asTensor(value);
  inplace(view, (src) => {
    const vc = make(src.dtype.alloc(0), src.shape.slice(), src.dtype);
    const { offsets, shape } = gatherPlan(vc, adv);
    const vals = contiguousData(castData(expandTo(v, shape), src.dtype));
    const out = castData(src, src.dtype);
    for (let i = 0; i < offsets.length; i++) out.data[offsets[i]] = vals[i];
    if (needsGrad2(src, v)) record(out, indexPutFn, [src, v], { offsets, valuesShape: v.shape });
    return out;
  });
}
