/**
 * Tensor printing, ported from PyTorch 1.13's torch/_tensor_str.py as pure functions over
 * row-major values: `formatTensor` gives exactly what `repr(tensor)` / `print(tensor)` shows.
 * Function names follow the Python ones (_Formatter, _vector_str, _add_suffixes, ...).
 */
import { float32, int64, bool, type DType } from './dtype.js';

export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  sciMode: boolean | null;
}

/** torch._tensor_str.PRINT_OPTS */
export const printOptions: PrintOptions = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sciMode: null };

const PROFILES = {
  default: { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 },
  short: { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 },
  full: { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 },
};

/**
 * torch.set_printoptions. As in PyTorch, sci_mode is reset to None by any call that does
 * not pass it.
 */
export function setPrintOptions(opts: Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' }): void {
  if (opts.profile !== undefined) Object.assign(printOptions, PROFILES[opts.profile]);
  if (opts.precision != null) printOptions.precision = opts.precision;
  if (opts.threshold != null) printOptions.threshold = opts.threshold;
  if (opts.edgeitems != null) printOptions.edgeitems = opts.edgeitems;
  if (opts.linewidth != null) printOptions.linewidth = opts.linewidth;
  printOptions.sciMode = opts.sciMode ?? null;
}

// ---------------------------------------------------------------------------------------
// Python's float formatting: '{:.Nf}' and '{:.Ne}' round the exact binary value half to
// even. JS toFixed/toExponential are exact too but break ties upwards, and ties need a
// value with few fractional bits, so only those go through the exact (BigInt) path.

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** |x| = m / 2**s exactly (x finite). */
function exactRatio(x: number): [bigint, bigint] {
  f64[0] = x;
  const bits = u64[0];
  const biased = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  if (biased !== 0) m |= 0x10000000000000n;
  const e = (biased === 0 ? 1 : biased) - 1075;
  return e >= 0 ? [m << BigInt(e), 1n] : [m, 1n << BigInt(-e)];
}

/** round(num / den), ties to even */
function divHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twice = 2n * (num - q * den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

const sign = (x: number) => (x < 0 || Object.is(x, -0) ? '-' : '');

function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
}

/** Python's '{:.<digits>f}'.format(x) */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  // x * 10**digits = k + 1/2 needs x to have at most digits + 1 fractional bits (5**digits
  // is odd); integers never tie
  const tiePossible = Number.isInteger(x * 2 ** (digits + 1)) && !Number.isInteger(x);
  if (!tiePossible && digits <= 100 && Math.abs(x) < 1e21) {
    const s = x.toFixed(digits);
    return Object.is(x, -0) ? '-' + s : s;
  }
  const [num, den] = exactRatio(x);
  const q = divHalfEven(num * 10n ** BigInt(digits), den).toString();
  if (digits === 0) return sign(x) + q;
  const padded = q.padStart(digits + 1, '0');
  return `${sign(x)}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Python's '{:.<digits>e}'.format(x) */
export function formatExp(x: number, digits: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (x === 0) return `${sign(x)}0${digits > 0 ? '.' + '0'.repeat(digits) : ''}e+00`;
  let mantissa: string;
  let exp: number;
  const decimalExp = Math.floor(Math.log10(Math.abs(x)));
  const tiePossible = Number.isInteger(x * 2 ** Math.max(0, digits - decimalExp + 2));
  if (!tiePossible && digits <= 100) {
    const s = x.toExponential(digits);
    const at = s.indexOf('e');
    mantissa = s.slice(0, at);
    exp = Number(s.slice(at + 1));
  } else {
    [mantissa, exp] = exactExp(x, digits);
  }
  const e = Math.abs(exp).toString().padStart(2, '0');
  return `${mantissa}e${exp < 0 ? '-' : '+'}${e}`;
}

function exactExp(x: number, digits: number): [string, number] {
  const [num, den] = exactRatio(x);
  // the decimal exponent from log10 can be one off: settle it exactly
  let exp = Math.floor(Math.log10(Math.abs(x)));
  const atLeastPow10 = (e: number) => (e >= 0 ? num >= den * 10n ** BigInt(e) : num * 10n ** BigInt(-e) >= den);
  if (!atLeastPow10(exp)) exp--;
  else if (atLeastPow10(exp + 1)) exp++;
  const shift = digits - exp;
  let n = shift >= 0 ? divHalfEven(num * 10n ** BigInt(shift), den) : divHalfEven(num, den * 10n ** BigInt(-shift));
  if (n === 10n ** BigInt(digits + 1)) {
    n /= 10n;
    exp++;
  }
  const s = n.toString();
  return [sign(x) + (digits > 0 ? `${s[0]}.${s.slice(1)}` : s), exp];
}

// ---------------------------------------------------------------------------------------

/** _Formatter: decides int mode / sci mode and the common width from the shown values. */
/** PyTorch's _Formatter: one number format for all elements of a tensor (also used for graph labels). */
export class Formatter {
  private readonly floating: boolean;
  private readonly isBool: boolean;
  private intMode = true;
  private sciMode = false;
  width = 1;

  constructor(
    values: number[],
    dtype: DType,
    private readonly precision: number,
    sciOption: boolean | null,
  ) {
    this.floating = dtype.isFloating;
    this.isBool = dtype === bool;
    if (!this.floating) {
      for (const v of values) this.width = Math.max(this.width, this.formatInt(v).length);
      return;
    }
    const finite = values.filter((v) => Number.isFinite(v) && v !== 0);
    if (finite.length === 0) return; // PyTorch returns before applying sci_mode here
    let min = Infinity;
    let max = 0;
    for (const v of finite) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
      if (this.intMode && v !== Math.ceil(v)) this.intMode = false;
    }
    const wide = max / min > 1000 || max > 1e8;
    if (this.intMode) {
      if (wide) {
        this.sciMode = true;
        for (const v of finite) this.width = Math.max(this.width, formatExp(v, precision).length);
      } else {
        for (const v of finite) this.width = Math.max(this.width, formatFixed(v, 0).length + 1);
      }
    } else if (wide || min < 1e-4) {
      this.sciMode = true;
      for (const v of finite) this.width = Math.max(this.width, formatExp(v, precision).length);
    } else {
      for (const v of finite) this.width = Math.max(this.width, formatFixed(v, precision).length);
    }
    if (sciOption !== null) this.sciMode = sciOption;
  }

  private formatInt(v: number): string {
    if (this.isBool) return v ? 'True' : 'False';
    // beyond 2**53 the shortest double repr is not the integer the element holds
    return Number.isSafeInteger(v) || !Number.isFinite(v) ? String(v) : BigInt(v).toString();
  }

  /** The element as PyTorch prints it, without the padding to the common width. */
  formatUnpadded(v: number): string {
    if (!this.floating) return this.formatInt(v);
    if (this.sciMode) return formatExp(v, this.precision);
    if (this.intMode) return Number.isFinite(v) ? formatFixed(v, 0) + '.' : formatFixed(v, 0);
    return formatFixed(v, this.precision);
  }

  format(v: number): string {
    const s = this.formatUnpadded(v);
    return s.length < this.width ? ' '.repeat(this.width - s.length) + s : s;
  }
}

interface Layout {
  values: ArrayLike<number>;
  shape: readonly number[];
  /** row-major strides */
  strides: number[];
  summarize: boolean;
  fmt: Formatter;
  opts: PrintOptions;
}

/** The indices of dimension `d` that are shown: all, or the edge items around the `...`. */
function shownIndices(size: number, summarize: boolean, edgeitems: number): number[] | null {
  if (!summarize || size <= 2 * edgeitems) return null;
  const head = Array.from({ length: edgeitems }, (_, i) => i);
  // Python's self[-0:] is the whole dimension, so edgeitems=0 shows everything after `...`
  const tailStart = edgeitems === 0 ? 0 : size - edgeitems;
  return head.concat(Array.from({ length: size - tailStart }, (_, i) => tailStart + i));
}

/** get_summarized_data, flattened: the values the formatter measures. */
function summarizedValues(
  values: ArrayLike<number>,
  shape: readonly number[],
  strides: number[],
  edgeitems: number,
  dim: number,
  offset: number,
  out: number[],
): void {
  if (dim === shape.length) {
    out.push(values[offset]);
    return;
  }
  const size = shape[dim];
  let idx = shownIndices(size, true, edgeitems);
  // only a 1-d slice has Python's self[-0:] quirk; outer dimensions take range(size - e, size)
  if (idx !== null && dim < shape.length - 1) idx = idx.slice(0, 2 * edgeitems);
  if (idx === null) idx = Array.from({ length: size }, (_, i) => i);
  for (const i of idx) summarizedValues(values, shape, strides, edgeitems, dim + 1, offset + i * strides[dim], out);
}

/** _vector_str */
function vectorStr(layout: Layout, offset: number, indent: number): string {
  const { shape, fmt, opts, values, summarize } = layout;
  const size = shape[shape.length - 1];
  const elementLength = fmt.width + 2;
  const perLine = Math.max(1, Math.floor((opts.linewidth - indent) / elementLength));
  const idx = shownIndices(size, summarize, opts.edgeitems);
  const data: string[] = [];
  if (idx === null) for (let i = 0; i < size; i++) data.push(fmt.format(values[offset + i]));
  else {
    idx.forEach((i, k) => {
      if (k === opts.edgeitems) data.push(' ...');
      data.push(fmt.format(values[offset + i]));
    });
  }
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

/** _tensor_str_with_formatter */
function tensorStrWithFormatter(layout: Layout, dim: number, offset: number, indent: number): string {
  const { shape, strides, opts, summarize } = layout;
  const ndim = shape.length - dim;
  if (ndim === 0) return layout.fmt.format(layout.values[offset]);
  if (ndim === 1) return vectorStr(layout, offset, indent);
  const size = shape[dim];
  const slice = (i: number) => tensorStrWithFormatter(layout, dim + 1, offset + i * strides[dim], indent + 1);
  const slices: string[] = [];
  if (summarize && size > 2 * opts.edgeitems) {
    for (let i = 0; i < opts.edgeitems; i++) slices.push(slice(i));
    slices.push('...');
    for (let i = size - opts.edgeitems; i < size; i++) slices.push(slice(i));
  } else {
    for (let i = 0; i < size; i++) slices.push(slice(i));
  }
  return '[' + slices.join(',' + '\n'.repeat(ndim - 1) + ' '.repeat(indent + 1)) + ']';
}

/** _tensor_str for a non-empty tensor */
function tensorStr(values: ArrayLike<number>, shape: readonly number[], dtype: DType, indent: number, opts: PrintOptions, numel: number): string {
  const strides = new Array<number>(shape.length);
  for (let d = shape.length - 1, s = 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  const summarize = numel > opts.threshold;
  let measured: number[];
  if (summarize) {
    measured = [];
    summarizedValues(values, shape, strides, opts.edgeitems, 0, 0, measured);
  } else {
    measured = Array.from({ length: numel }, (_, i) => values[i]);
  }
  const fmt = new Formatter(measured, dtype, opts.precision, opts.sciMode);
  return tensorStrWithFormatter({ values, shape, strides, summarize, opts, fmt }, 0, 0, indent);
}

/** _add_suffixes; the odd `+ 1` in the last line's length is PyTorch's. */
function addSuffixes(tensorStr: string, suffixes: string[], indent: number, linewidth: number): string {
  const parts = [tensorStr];
  let lastLineLen = tensorStr.length - tensorStr.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > linewidth) {
      parts.push(',\n' + ' '.repeat(indent) + suffix);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(', ' + suffix);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/** Python's str(tuple(shape)) */
function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The full repr: 'tensor([1., 2.], grad_fn=<AddBackward0>)'. values are the elements in
 * row-major order (float32 values as the doubles they are, int64 as integral numbers,
 * bool as 0/1).
 */
export function formatTensor(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
  suffix: { gradFn?: string | null; requiresGrad?: boolean; tangent?: string | null },
  opts: PrintOptions = printOptions,
): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  let numel = 1;
  for (const n of shape) numel *= n;
  let body: string;
  if (numel === 0) {
    // the shape is printed unless it is (0,); the dtype whenever it is not the default
    if (shape.length !== 1) suffixes.push('size=' + pyTuple(shape));
    if (dtype !== float32) suffixes.push('dtype=' + dtype.repr);
    body = '[]';
  } else {
    if (dtype !== float32 && dtype !== int64 && dtype !== bool) suffixes.push('dtype=' + dtype.repr);
    body = tensorStr(values, shape, dtype, indent, opts, numel);
  }
  if (suffix.gradFn) suffixes.push(`grad_fn=<${suffix.gradFn}>`);
  else if (suffix.requiresGrad) suffixes.push('requires_grad=True');
  if (suffix.tangent) suffixes.push(`tangent=${suffix.tangent}`);
  return addSuffixes(prefix + body, suffixes, indent, opts.linewidth);
}
