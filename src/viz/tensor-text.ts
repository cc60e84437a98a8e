/**
 * Tensor values as short label text, with PyTorch 1.13's number formatting
 * (torch/_tensor_str.py _Formatter, precision 4): `8.` for integral floats,
 * `2.3031` fixed, `1.0000e-05` scientific when the magnitudes call for it.
 * Works on the API JSON form (nested lists, "nan"/"inf" strings).
 */
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

/** The exact decimal digits of a finite |x| and where its point goes (digits "1234", point 1 = 1.234). */
function exactDecimal(ax: number): { digits: string; point: number } {
  const full = ax >= 1e21 ? BigInt(ax).toString() : ax.toFixed(100);
  const [int, frac = ''] = full.split('.');
  const all = `${int}${frac}`;
  const lead = all.search(/[1-9]/);
  if (lead < 0) return { digits: '0', point: 1 };
  return { digits: all.slice(lead).replace(/0+$/, ''), point: int!.length - lead };
}

/** True when the exact value lies exactly halfway and keeping `kept` digits rounds to even by going down. */
function halfwayToEvenDown(digits: string, kept: number): boolean {
  if (kept < 0 || digits.length !== kept + 1 || digits[kept] !== '5') return false;
  return kept === 0 || Number(digits[kept - 1]) % 2 === 0;
}

/** Python's '{:.Nf}': the exact binary value rounded, ties to even (JS toFixed breaks ties upward). */
export function pyFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const ax = Math.abs(x);
  const e = exactDecimal(ax);
  if (ax !== 0 && halfwayToEvenDown(e.digits, e.point + digits)) {
    return sign + (ax - 0.5 * 10 ** -digits).toFixed(digits);
  }
  return sign + ax.toFixed(digits);
}

/** Python's '{:.Ne}': ties to even, exponent with a sign and at least two digits. */
export function pyExp(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const ax = Math.abs(x);
  let mant: string;
  let exp: number;
  const ex = exactDecimal(ax);
  if (ax !== 0 && halfwayToEvenDown(ex.digits, digits + 1)) {
    mant = `${ex.digits[0]}.${ex.digits.slice(1, digits + 1)}`;
    exp = ex.point - 1;
  } else {
    const [m, e] = ax.toExponential(digits).split('e');
    mant = m!;
    exp = Number(e);
  }
  return `${sign}${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** One formatter for a whole tensor, as PyTorch decides it from all its elements. */
export class NumberFormatter {
  private intMode = true;
  private sciMode = false;
  readonly maxWidth: number = 1;

  constructor(private readonly floating: boolean, values: readonly (number | boolean)[]) {
    let width = 1;
    if (!floating) {
      for (const v of values) width = Math.max(width, this.plain(v).length);
      this.maxWidth = width;
      return;
    }
    const finite = (values as number[]).filter((v) => Number.isFinite(v) && v !== 0);
    if (finite.length === 0) return;
    let min = Infinity;
    let max = 0;
    for (const v of finite) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
      if (v !== Math.ceil(v)) this.intMode = false;
    }
    if (this.intMode) {
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true;
        for (const v of finite) width = Math.max(width, pyExp(v, PRECISION).length);
      } else {
        for (const v of finite) width = Math.max(width, pyFixed(v, 0).length + 1);
      }
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true;
      for (const v of finite) width = Math.max(width, pyExp(v, PRECISION).length);
    } else {
      for (const v of finite) width = Math.max(width, pyFixed(v, PRECISION).length);
    }
    this.maxWidth = width;
  }

  private plain(v: number | boolean): string {
    if (typeof v === 'boolean') return v ? 'True' : 'False';
    return String(v);
  }

  /** The element as PyTorch prints it, unpadded. */
  format(v: number | boolean): string {
    if (!this.floating || typeof v === 'boolean') return this.plain(v);
    if (this.sciMode) return pyExp(v, PRECISION);
    if (this.intMode) {
      const s = pyFixed(v, 0);
      return Number.isFinite(v) ? `${s}.` : s;
    }
    return pyFixed(v, PRECISION);
  }

  /** Padded on the left to the common width, as inside a printed tensor. */
  formatPadded(v: number | boolean): string {
    return this.format(v).padStart(this.maxWidth, ' ');
  }
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
  if (t.shape.length === 0) return [new NumberFormatter(floating, values).format(values[0] ?? NaN)];
  const n = numel(t.shape);
  if (n === 0) return [`empty ${shapeText(t.shape)}`];
  if (n <= FULL_TENSOR_LIMIT && t.shape.length <= 2) {
    const f = new NumberFormatter(floating, values);
    if (t.shape.length === 1) return [`[${values.map((v) => f.formatPadded(v)).join(', ')}]`];
    const [rows, cols] = t.shape as [number, number];
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const row = values.slice(r * cols, (r + 1) * cols).map((v) => f.formatPadded(v)).join(', ');
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
  const f = new NumberFormatter(true, floating ? [min, mean, max] : [min, max, mean]);
  const fmtInt = (v: number) => (floating ? f.format(v) : String(v));
  const parts = [`min ${fmtInt(min)}`, `mean ${f.format(mean)}`, `max ${fmtInt(max)}`];
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
