/**
 * Checked values as JSON (CheckValueJSON): tensors as API.md's Tensor object, numbers
 * (non-finite as "nan"/"inf"/"-inf"), bools, strings, None, and lists of these. Helpers
 * to read them as numbers; no engine code, so the main thread can use them.
 */
import type { CheckValueJSON, ExpectedTensorJSON, TensorJSON } from '../api/schemas.js';

/** The nesting shape of Tensor.tolist() data; null when ragged. */
export function nestedShape(data: unknown): number[] | null {
  if (!Array.isArray(data)) return [];
  if (data.length === 0) return [0];
  const inner = nestedShape(data[0]);
  if (inner === null) return null;
  for (let i = 1; i < data.length; i++) {
    const other = nestedShape(data[i]);
    if (other === null || other.length !== inner.length || other.some((d, k) => d !== inner[k])) return null;
  }
  return [data.length, ...inner];
}


export function isTensorJSON(v: CheckValueJSON): v is ExpectedTensorJSON | TensorJSON {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A tensor's shape: the one it states, else its data's nesting. */
export function shapeOf(t: ExpectedTensorJSON): number[] {
  return t.shape ?? nestedShape(t.data) ?? [];
}

const NON_FINITE: Record<string, number> = { nan: Number.NaN, inf: Number.POSITIVE_INFINITY, '-inf': Number.NEGATIVE_INFINITY };

/** A scalar of Tensor.tolist() data, or of a Python number/bool, as a JS number; undefined if it is not one. */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return NON_FINITE[v];
  return undefined;
}

/** Numbers, bools, "nan"/"inf"/"-inf" and (non-ragged) nested lists of them: what compares like a tensor. */
export function isNumericTree(v: CheckValueJSON): boolean {
  if (Array.isArray(v)) return v.every(isNumericTree) && nestedShape(v) !== null;
  return numberOf(v) !== undefined;
}

/** Flattens Tensor.tolist()-style data in row-major order. */
export function flatNumbers(data: unknown, out: number[] = []): number[] {
  if (Array.isArray(data)) for (const item of data) flatNumbers(item, out);
  else out.push(numberOf(data) ?? Number.NaN);
  return out;
}
