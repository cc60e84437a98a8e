/**
 * Short text for the tensors of the gradient table and the node details. The stdout panel
 * shows PyTorch's own printing; this is only a compact, full-precision view of the JSON.
 */
import type { TensorBaseJSON } from './api.js';

type Data = TensorBaseJSON['data'];

/** The shortest decimal that reads back as the same value at the tensor's precision. */
function scalarText(v: unknown, single: boolean): string {
  if (typeof v !== 'number') return String(v); // "nan", "inf", "-inf", booleans
  if (Number.isInteger(v)) return `${v}.`;
  if (!single) return String(v);
  const f = Math.fround(v);
  for (let digits = 1; digits < 9; digits++) {
    const text = String(Number(v.toPrecision(digits)));
    if (Math.fround(Number(text)) === f) return text;
  }
  return String(Number(v.toPrecision(9)));
}

/** Nested lists, one innermost row per line, the first `limit` numbers and then "…". */
export function dataText(data: Data, dtype: string, limit = 400): string {
  const single = dtype === 'float32' || dtype === 'float16';
  let count = 0;
  const walk = (d: Data, indent: number): string | null => {
    if (count >= limit) return null;
    if (!Array.isArray(d)) {
      count++;
      return scalarText(d, single);
    }
    const nested = Array.isArray(d[0]);
    const parts: string[] = [];
    for (const x of d) {
      const text = walk(x, indent + 1);
      if (text === null) {
        parts.push('…');
        break;
      }
      parts.push(text);
    }
    return nested ? `[${parts.join(`,\n${' '.repeat(indent + 1)}`)}]` : `[${parts.join(', ')}]`;
  };
  return walk(data, 0) ?? '…';
}

export function shapeText(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}
