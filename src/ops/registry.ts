/**
 * How an op is declared (the derivatives.yaml of gradviz). An entry names its grad_fn
 * class, its forward kernel, which tensors each input's formula needs (only those are
 * saved, and only for inputs that require grad — as PyTorch's codegen does), and the
 * backward formula per input, written with the ops themselves so that create_graph
 * (higher-order gradients) works for free.
 */
import { type BackwardFn, Node, setHistory } from '../autograd/node.js';
import { setTangent, withoutTangent } from '../autograd/forward_ad.js';
import { gradMode } from '../autograd/grad_mode.js';
import { type DType, bool, float32 } from '../tensor/dtype.js';
import { resultType, toFloating } from '../tensor/promote.js';
import { Tensor } from '../tensor/tensor.js';
import { castData, mapBinary, mapBinaryVec, mapUnary, mapUnaryVec, mapWithScalar, mapWithScalarVec } from './kernels.js';
import { type Scalar, type TensorOrScalar, asTensor, scalarValue } from './scalar.js';

export const needsGrad = (a: Tensor): boolean => gradMode.enabled && a.requiresGrad;
export const needsGrad2 = (a: Tensor, b: Tensor): boolean => gradMode.enabled && (a.requiresGrad || b.requiresGrad);
export function needsGradAny(ts: readonly (Tensor | null)[]): boolean {
  if (!gradMode.enabled) return false;
  for (const t of ts) if (t !== null && t.requiresGrad) return true;
  return false;
}

export function backwardFn(name: string, apply: BackwardFn['apply'], attrs?: BackwardFn['attrs']): BackwardFn {
  return { name, apply, attrs };
}

/** Attach a new node of `fn` over `inputs` to `out` (callers check needsGrad first). */
export function record(out: Tensor, fn: BackwardFn, inputs: readonly (Tensor | null)[], ctx: unknown = null): Node {
  const node = new Node(fn, inputs);
  node.ctx = ctx;
  setHistory(out, node);
  return node;
}

type Uses = readonly ('self' | 'other' | 'result')[];

export interface UnaryDef {
  gradFn: string;
  f: (x: number) => number;
  /** The kernel for float32 when PyTorch's float32 result differs from rounding f (SLEEF). */
  f32?: (x: number) => number;
  /**
   * With f32: the scalar C function ATen's vectorised loop uses outside whole blocks of 16
   * (sinh, cosh, sigmoid: see mapUnaryVec); without it f32 is used for every element.
   */
  f32Scalar?: (x: number) => number;
  /** 'float': integer inputs give the default float dtype (exp, sin, ...); 'same': keep it. */
  dtype: 'float' | 'same';
  uses?: Uses;
  /** Gradient w.r.t. the input; absent for non-differentiable ops. */
  grad?: (g: Tensor, self: Tensor | null, result: Tensor | null) => Tensor;
}

export function defineUnary(def: UnaryDef): (x: Tensor) => Tensor {
  const uses = def.uses ?? [];
  const saveSelf = uses.includes('self');
  const saveResult = uses.includes('result');
  const grad = def.grad;
  const fn = backwardFn(def.gradFn, (node, grads) => {
    const self = saveSelf ? node.unpack(0) : null;
    const result = saveResult ? node.unpack(saveSelf ? 1 : 0) : null;
    return [grad!(grads[0]!, self, result)];
  });
  return (x: Tensor): Tensor => {
    const dtype = def.dtype === 'float' ? toFloating(x.dtype) : x.dtype;
    const out =
      dtype === float32 && def.f32Scalar ? mapUnaryVec(x, dtype, def.f32!, def.f32Scalar) : mapUnary(x, dtype, dtype === float32 && def.f32 ? def.f32 : def.f);
    if (grad !== undefined && needsGrad(x)) {
      const node = record(out, fn, [x]);
      if (saveSelf) node.save(x);
      if (saveResult) node.save(out, 0);
    }
    // jvp, auto_element_wise: the backward formula applied to the tangent
    if (x.tangent !== null && grad !== undefined) setTangent(out, () => grad(x.tangent!, withoutTangent(x), withoutTangent(out)));
    return out;
  };
}

interface InputRule {
  uses: Uses;
  grad: (g: Tensor, self: Tensor | null, other: Tensor | null, result: Tensor | null) => Tensor;
}

export interface BinaryDef {
  gradFn: string;
  f: (x: number, y: number) => number;
  /** float32 kernels: vector blocks and the scalar rest, as in UnaryDef (pow). */
  f32?: { vec: (x: number, y: number) => number; scalar: (x: number, y: number) => number };
  /** promote: torch.result_type; float: ... then ints -> float32 (true division); bool: comparisons */
  dtype: 'promote' | 'float' | 'bool';
  self?: InputRule;
  other?: InputRule;
  /** Runs on the operands (already in the computation dtype) before the kernel: errors like int // 0. */
  check?: (a: Tensor, b: Tensor, dtype: DType) => void;
  /** Saved non-tensor attributes, by PyTorch's names (show_attrs). */
  attrs?: BackwardFn['attrs'];
}

/**
 * Broadcasting binary op. Operands are first converted to the computation dtype, as
 * TensorIterator does (so a Python float meets a float32 tensor as a float32).
 * Gradients are summed back to each input's shape and converted to its dtype.
 */
export function defineBinary(def: BinaryDef): (a: TensorOrScalar, b: TensorOrScalar) => Tensor {
  const needs = (rule: InputRule | undefined, what: 'self' | 'other' | 'result') => rule !== undefined && rule.uses.includes(what);
  const fn = backwardFn(def.gradFn, (node, grads) => {
    const g = grads[0]!;
    const ctx = node.ctx as number | [number, number[], DType, number[], DType];
    const slots = typeof ctx === 'number' ? ctx : ctx[0];
    const slotSelf = (slots & 3) - 1;
    const slotOther = ((slots >> 2) & 3) - 1;
    const slotResult = ((slots >> 4) & 3) - 1;
    const self = slotSelf >= 0 ? node.unpack(slotSelf) : null;
    const other = slotOther >= 0 ? node.unpack(slotOther) : null;
    const result = slotResult >= 0 ? node.unpack(slotResult) : null;
    const ga = node.next[0] !== null && def.self ? def.self.grad(g, self, other, result) : null;
    const gb = node.next[1] !== null && def.other ? def.other.grad(g, self, other, result) : null;
    if (typeof ctx === 'number') return [ga, gb];
    return [ga === null ? null : reduceGradTo(ga, ctx[1], ctx[2]), gb === null ? null : reduceGradTo(gb, ctx[3], ctx[4])];
  }, def.attrs);
  const uses = (rule: InputRule | undefined) => ({ self: needs(rule, 'self'), other: needs(rule, 'other'), result: needs(rule, 'result') });
  const selfUses = uses(def.self);
  const otherUses = uses(def.other);
  const differentiable = def.self !== undefined || def.other !== undefined;
  const f = def.f;
  const f32 = def.f32;
  // A floating tensor with a Python scalar and no graph to record: the scalar never needs
  // wrapping (it cannot change the dtype and is not saved), so no temporary tensor is made.
  const plainWithScalar = (t: Tensor, s: Scalar, scalarFirst: boolean): Tensor => {
    const y = convertScalar(scalarValue(s), t.dtype);
    if (f32 && t.dtype === float32) return mapWithScalarVec(t, float32, f32.vec, f32.scalar, y, scalarFirst);
    return mapWithScalar(t, def.dtype === 'bool' ? bool : t.dtype, f, y, scalarFirst);
  };
  const fastScalar = (t: Tensor): boolean =>
    def.check === undefined && t.dtype.isFloating && !t.wrapped && t.tangent === null && !(differentiable && needsGrad(t));
  return (x: TensorOrScalar, y: TensorOrScalar): Tensor => {
    if (x instanceof Tensor) {
      if (!(y instanceof Tensor) && fastScalar(x)) return plainWithScalar(x, y, false);
    } else if (y instanceof Tensor && fastScalar(y)) return plainWithScalar(y, x, true);
    const a = asTensor(x);
    const b = asTensor(y);
    const common = binaryResultType(a, b);
    const compute = def.dtype === 'float' ? toFloating(common) : common;
    const outDtype = def.dtype === 'bool' ? bool : compute;
    let out: Tensor;
    if (b.wrapped && def.check === undefined) {
      // a Python scalar: convert it once to the computation dtype, no temporary tensor
      const y = convertScalar(b.data[0], compute);
      const ca = a.dtype === compute ? a : castData(a, compute);
      out = f32 && compute === float32 ? mapWithScalarVec(ca, float32, f32.vec, f32.scalar, y, false) : mapWithScalar(ca, outDtype, f, y, false);
    } else if (a.wrapped && def.check === undefined) {
      const x = convertScalar(a.data[0], compute);
      const cb = b.dtype === compute ? b : castData(b, compute);
      out = f32 && compute === float32 ? mapWithScalarVec(cb, float32, f32.vec, f32.scalar, x, true) : mapWithScalar(cb, outDtype, f, x, true);
    } else {
      const ca = a.dtype === compute ? a : castData(a, compute);
      const cb = b.dtype === compute ? b : castData(b, compute);
      if (def.check) def.check(ca, cb, compute);
      out = f32 && compute === float32 ? mapBinaryVec(ca, cb, float32, f32.vec, f32.scalar) : mapBinary(ca, cb, outDtype, f);
    }
    if (differentiable && needsGrad2(a, b)) {
      const wantA = a.requiresGrad && def.self !== undefined;
      const wantB = b.requiresGrad && def.other !== undefined;
      const node = record(out, fn, [a, b]);
      let slot = 0;
      let sSelf = -1;
      let sOther = -1;
      let sResult = -1;
      if ((wantA && selfUses.self) || (wantB && otherUses.self)) {
        node.save(a, -1, 'self');
        sSelf = slot++;
      }
      if ((wantA && selfUses.other) || (wantB && otherUses.other)) {
        node.save(b, -1, 'other');
        sOther = slot++;
      }
      if ((wantA && selfUses.result) || (wantB && otherUses.result)) {
        node.save(out, 0, 'result');
        sResult = slot++;
      }
      // saved slots packed in a small int; input shapes/dtypes kept only when the gradient
      // must be reduced or converted (never the input tensors: no data kept alive)
      const slots = (sSelf + 1) | ((sOther + 1) << 2) | ((sResult + 1) << 4);
      node.ctx = plainGrad(a, out) && plainGrad(b, out) ? slots : [slots, a.shape, a.dtype, b.shape, b.dtype];
    }
    if ((a.tangent !== null || b.tangent !== null) && differentiable) setTangent(out, () => binaryJvp(def, a, b, out));
    return out;
  };
}

/** The gradient of `t` needs no reduction or conversion from `out`'s. */
function plainGrad(t: Tensor, out: Tensor): boolean {
  return !t.requiresGrad || (t.dtype === out.dtype && sameDims(t.shape, out.shape) && t.shape.length === out.shape.length);
}

/** auto_element_wise jvp of a binary op: each input's formula applied to its tangent, summed. */
function binaryJvp(def: BinaryDef, a: Tensor, b: Tensor, out: Tensor): Tensor {
  const pa = withoutTangent(a);
  const pb = withoutTangent(b);
  const po = withoutTangent(out);
  let t: Tensor | null = null;
  if (a.tangent !== null && def.self) t = def.self.grad(a.tangent, pa, pb, po);
  if (b.tangent !== null && def.other) {
    const tb = def.other.grad(b.tangent, pa, pb, po);
    t = t === null ? tb : hooks.add(t, tb);
  }
  return t ?? hooks.zerosLike(po);
}

/** torch.result_type of two operands, with the common cases answered without allocation. */
export function binaryResultType(a: Tensor, b: Tensor): DType {
  if (a.dtype === b.dtype) return a.dtype;
  if (b.wrapped && !a.wrapped && b.dtype.category <= a.dtype.category) return a.dtype;
  if (a.wrapped && !b.wrapped && a.dtype.category <= b.dtype.category) return b.dtype;
  return resultType([
    { dtype: a.dtype, dimCount: a.shape.length, wrapped: a.wrapped },
    { dtype: b.dtype, dimCount: b.shape.length, wrapped: b.wrapped },
  ]);
}

/** Sum a broadcast gradient back to `input`'s shape and convert it to its dtype. */
export const reduceGrad = (g: Tensor, input: Tensor): Tensor => reduceGradTo(g, input.shape, input.dtype);

export function reduceGradTo(g: Tensor, shape: readonly number[], dtype: DType): Tensor {
  let r = g;
  if (r.shape.length !== shape.length || !sameDims(r.shape, shape)) r = hooks.sumTo(r, shape);
  if (r.dtype !== dtype && dtype.isFloating) r = hooks.toDtype(r, dtype);
  return r;
}

/** A Python scalar as the computation dtype sees it (float32 rounding, int truncation). */
function convertScalar(v: number, dtype: DType): number {
  if (dtype === float32) return Math.fround(v);
  if (dtype.isFloating) return v;
  if (dtype === bool) return v ? 1 : 0;
  return Math.trunc(v);
}

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Installed by reduce.ts and convert.ts, which depend on this module (keeps imports acyclic). */
export const hooks = {
  add: null as unknown as (a: Tensor, b: Tensor) => Tensor,
  zerosLike: null as unknown as (t: Tensor) => Tensor,
  sumTo: null as unknown as (g: Tensor, shape: readonly number[]) => Tensor,
  toDtype: null as unknown as (g: Tensor, dtype: DType) => Tensor,
};
