/** torch.promote_types and torch.result_type (ATen's ResultTypeState). */
import { type DType, bool, defaultFloat, float16, float32, float64, int16, int32, int64, int8, uint8 } from './dtype.js';

const intOrder = [int8, int16, int32, int64];

export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === bool) return b;
  if (b === bool) return a;
  if (a.isFloating || b.isFloating) {
    if (a.isFloating && b.isFloating) return a.itemsize >= b.itemsize ? a : b;
    return a.isFloating ? a : b;
  }
  // both integral, different
  if (a === uint8 || b === uint8) {
    const other = a === uint8 ? b : a;
    return other === int8 ? int16 : other;
  }
  return intOrder.indexOf(a) > intOrder.indexOf(b) ? a : b;
}

/** One operand as result_type sees it. A wrapped number is a Python scalar. */
export interface Operand {
  readonly dtype: DType;
  readonly dimCount: number;
  readonly wrapped: boolean;
}

function combineCategories(higher: DType | null, lower: DType | null): DType | null {
  if (higher === null) return lower;
  if (lower === null) return higher;
  if (higher.isFloating) return higher;
  if (higher === bool || lower.isFloating) return promoteTypes(higher, lower);
  return higher;
}

/** Dimensioned tensors win over 0-d ones, which win over Python scalars, within a category. */
export function resultType(operands: readonly Operand[]): DType {
  let dimR: DType | null = null;
  let zeroR: DType | null = null;
  let wrapR: DType | null = null;
  for (const o of operands) {
    if (o.wrapped) {
      const d = o.dtype.isFloating ? defaultFloat : o.dtype;
      wrapR = wrapR === null ? d : promoteTypes(wrapR, d);
    } else if (o.dimCount === 0) zeroR = zeroR === null ? o.dtype : promoteTypes(zeroR, o.dtype);
    else dimR = dimR === null ? o.dtype : promoteTypes(dimR, o.dtype);
  }
  return combineCategories(dimR, combineCategories(zeroR, wrapR))!;
}

/** Integer/bool inputs of "floating" ops (exp, true division, mean...) give the default float dtype. */
export const toFloating = (d: DType): DType => (d.isFloating ? d : defaultFloat);

export { float16, float32, float64 };
