/**
 * Does an actual value match the expected one? torch.allclose semantics after a type, a
 * dtype and a shape check, in that order (the first that fails is the verdict):
 *
 *   close(a, b)  <=>  a == b (so inf matches inf)  or  |a - b| <= atol + rtol * |b|
 *
 * with nan never close (equal_nan=False). The dtype is compared only when the expected
 * value is a tensor (a plain JSON number carries no dtype); the shape is compared whenever
 * the expected value is numeric (a plain list's shape is its nesting, a number's is ()).
 */
import type { CheckValueJSON } from '../api/schemas.js';
import { flatNumbers, isNumericTree, isTensorJSON, nestedShape, shapeOf } from './values.js';

export interface Tolerance {
  rtol: number;
  atol: number;
}

/** Where the values first differ (flat index into row-major order). */
export interface Mismatch {
  index: number[];
  actual: number;
  expected: number;
  count: number;
  total: number;
}

export type Comparison =
  | { failure: null; maxAbs: number | null; maxRel: number | null }
  | { failure: 'none' | 'type'; maxAbs: null; maxRel: null; path: number[] }
  | { failure: 'dtype'; maxAbs: null; maxRel: null; path: number[]; actualDtype: string; expectedDtype: string }
  | { failure: 'shape'; maxAbs: null; maxRel: null; path: number[]; actualShape: number[]; expectedShape: number[] }
  | { failure: 'values'; maxAbs: number | null; maxRel: number | null; path: number[]; mismatch: Mismatch | null };

const NOT_MEASURED = { maxAbs: null, maxRel: null } as const;

export function compareValues(actual: CheckValueJSON, expected: CheckValueJSON, tol: Tolerance): Comparison {
  return compareAt(actual, expected, tol, []);
}

function compareAt(actual: CheckValueJSON, expected: CheckValueJSON, tol: Tolerance, path: number[]): Comparison {
  if (expected === null) return actual === null ? { failure: null, ...NOT_MEASURED } : { failure: 'type', ...NOT_MEASURED, path };
  if (actual === null) return { failure: 'none', ...NOT_MEASURED, path };
  // two Python bools compare as bools (True/False in the message), not as 1/0
  if (typeof expected === 'boolean' && typeof actual === 'boolean') {
    return actual === expected ? { failure: null, ...NOT_MEASURED } : { failure: 'values', ...NOT_MEASURED, path, mismatch: null };
  }
  if (isTensorJSON(expected)) {
    if (!isTensorJSON(actual)) return { failure: 'type', ...NOT_MEASURED, path };
    if (actual.dtype !== expected.dtype) return { failure: 'dtype', ...NOT_MEASURED, path, actualDtype: actual.dtype, expectedDtype: expected.dtype };
    return compareNumeric(shapeOf(actual), actual.data, shapeOf(expected), expected.data, tol, path);
  }
  if (isNumericTree(expected)) {
    const expectedShape = nestedShape(expected) as number[];
    if (isTensorJSON(actual)) return compareNumeric(shapeOf(actual), actual.data, expectedShape, expected, tol, path);
    if (isNumericTree(actual)) return compareNumeric(nestedShape(actual) as number[], actual, expectedShape, expected, tol, path);
    return { failure: 'type', ...NOT_MEASURED, path };
  }
  if (typeof expected === 'string' || typeof expected === 'boolean' || typeof expected === 'number') {
    if (typeof actual !== typeof expected) return { failure: 'type', ...NOT_MEASURED, path };
    return actual === expected ? { failure: null, ...NOT_MEASURED } : { failure: 'values', ...NOT_MEASURED, path, mismatch: null };
  }
  // a list holding tensors, strings or None: item by item, the first failure decides
  if (!Array.isArray(actual)) return { failure: 'type', ...NOT_MEASURED, path };
  if (actual.length !== expected.length) {
    return { failure: 'shape', ...NOT_MEASURED, path, actualShape: [actual.length], expectedShape: [expected.length] };
  }
  let maxAbs: number | null = null;
  let maxRel: number | null = null;
  for (let i = 0; i < expected.length; i++) {
    const item = compareAt(actual[i], expected[i], tol, [...path, i]);
    if (item.failure !== null) return item;
    if (item.maxAbs !== null) maxAbs = Math.max(maxAbs ?? 0, item.maxAbs);
    if (item.maxRel !== null) maxRel = Math.max(maxRel ?? 0, item.maxRel);
  }
  return { failure: null, maxAbs, maxRel };
}

function compareNumeric(
  actualShape: number[],
  actualData: unknown,
  expectedShape: number[],
  expectedData: unknown,
  tol: Tolerance,
  path: number[],
): Comparison {
  if (actualShape.length !== expectedShape.length || actualShape.some((d, i) => d !== expectedShape[i])) {
    return { failure: 'shape', ...NOT_MEASURED, path, actualShape, expectedShape };
  }
  const a = flatNumbers(actualData);
  const b = flatNumbers(expectedData);
  let maxAbs = 0;
  let maxRel = 0;
  let count = 0;
  let first = -1;
  for (let i = 0; i < b.length; i++) {
    const x = a[i];
    const y = b[i];
    // equal values (inf == inf included) differ by nothing
    const abs = x === y ? 0 : Math.abs(x - y);
    const rel = abs === 0 ? 0 : abs / Math.abs(y);
    // a nan error stays nan: Math.max would hide it behind a larger number
    maxAbs = Number.isNaN(maxAbs) || Number.isNaN(abs) ? Number.NaN : Math.max(maxAbs, abs);
    maxRel = Number.isNaN(maxRel) || Number.isNaN(rel) ? Number.NaN : Math.max(maxRel, rel);
    const close = x === y || (Number.isFinite(x) && Number.isFinite(y) && abs <= tol.atol + tol.rtol * Math.abs(y));
    if (!close) {
      count++;
      if (first < 0) first = i;
    }
  }
  const measured = { maxAbs: b.length === 0 ? null : maxAbs, maxRel: b.length === 0 ? null : maxRel };
  if (count === 0) return { failure: null, ...measured };
  const mismatch: Mismatch = { index: unravel(first, expectedShape), actual: a[first], expected: b[first], count, total: b.length };
  return { failure: 'values', ...measured, path, mismatch };
}

function unravel(flat: number, shape: number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}

