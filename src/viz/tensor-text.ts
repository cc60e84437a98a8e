/**
 * Tensor values as short label text, with PyTorch 1.13's number formatting
 * (torch/_tensor_str.py _Formatter, precision 4): `8.` for integral floats,
 * `2.3031` fixed, `1.0000e-05` scientific when the magnitudes call for it.
 * Works on the API JSON form (nested lists, "nan"/"inf" strings).
 */
import { type DTypeName, dtypes, float32 } from '../tensor/dtype.js';
import { Formatter } from '../tensor/print.js';
import type { VizTensor } from './model.js';

const PRECISION = 4;

/** Flattens nested lists to numbers (NaN/±Infinity for the strings), booleans kept. */
export function flatValues(data: unknown, out: (number | boolean)[] = []): (number | boolean)[] {
  if (Array.isArray(data)) {
    for (const d of data) flatValues(d, out);
  } else if (typeof data === 'number' || typeof data === 'boolean') {
    out.push(data);
  } else if (data === 'nan') {
    out.push(NaN);
  } else if (data === 'inf') {
    out.push(Infinity);
  } else if (data === '-inf') {
    out.push(-Infinity);
  }
  return out;
}

export function isFloatDtype(dtype: string): boolean {
  return dtype.startsWith('float') || dtype === 'half' || dtype === 'bfloat16' || dtype === 'double';
}

/** PyTorch's formatter for these values (precision 4, as torch prints by default). */
function formatterFor(dtypeName: string, values: readonly (number | boolean)[]): Formatter {
  const dtype = dtypes[dtypeName as DTypeName] ?? float32;
  return new Formatter(values.map(Number), dtype, PRECISION, null);
}

export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** `(3)`, `(2, 3)`, `()` — torchviz's size_to_str. */
export function shapeText(shape: readonly number[]): string {
  return `(${shape.join(', ')})`;
}

/** Up to this many elements (and at most 2-D) a tensor is written out in full. */
export const FULL_TENSOR_LIMIT = 8;

/**
 * Lines of text for a tensor: a 0-d tensor is its number; small tensors print in
 * full as PyTorch nests them; larger ones as min / mean / max, after their shape
 * unless the caller shows the shape elsewhere.
 */
export function tensorLines(t: VizTensor, withShape = true): string[] {
  const values = flatValues(t.data);
  const floating = isFloatDtype(t.dtype);
  if (t.shape.length === 0) return [formatterFor(t.dtype, values).formatUnpadded(Number(values[0] ?? NaN))];
  const n = numel(t.shape);
  if (n === 0) return [`empty ${shapeText(t.shape)}`];
  if (n <= FULL_TENSOR_LIMIT && t.shape.length <= 2) {
    const f = formatterFor(t.dtype, values);
    if (t.shape.length === 1) return [`[${values.map((v) => f.format(Number(v))).join(', ')}]`];
    const [rows, cols] = t.shape as [number, number];
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const row = values.slice(r * cols, (r + 1) * cols).map((v) => f.format(Number(v))).join(', ');
      lines.push(`${r === 0 ? '[' : ' '}[${row}]${r === rows - 1 ? ']' : ','}`);
    }
    return lines;
  }
  const summary = summaryText(values, floating);
  return withShape ? [shapeText(t.shape), summary] : [summary];
}

function summaryText(values: (number | boolean)[], floating: boolean): string {
  const nums = values.map(Number);
  let nan = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of nums) {
    if (Number.isNaN(v)) {
      nan++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const count = nums.length - nan;
  if (count === 0) return `all nan`;
  const mean = sum / count;
  const f = formatterFor('float32', floating ? [min, mean, max] : [min, max, mean]);
  const fmtInt = (v: number) => (floating ? f.formatUnpadded(v) : String(v));
  const parts = [`min ${fmtInt(min)}`, `mean ${f.formatUnpadded(mean)}`, `max ${fmtInt(max)}`];
  if (nan > 0) parts.push(`${nan} nan`);
  return parts.join('  ');
}

export interface TensorFlags {
  nan: boolean;
  inf: boolean;
  allZero: boolean;
}

/** What makes a gradient worth a warning: NaN, ±inf, or nothing but zeros. */
export function tensorFlags(t: VizTensor): TensorFlags {
  const values = flatValues(t.data);
  let nan = false;
  let inf = false;
  let allZero = values.length > 0;
  for (const v of values) {
    const x = Number(v);
    if (Number.isNaN(x)) nan = true;
    else if (!Number.isFinite(x)) inf = true;
    if (x !== 0) allZero = false;
  }
  return { nan, inf, allZero };
}
