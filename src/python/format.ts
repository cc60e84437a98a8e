/**
 * Python's numbers as text, exactly as CPython 3.11 writes them: float repr, the
 * format-spec mini-language (format(), str.format, f-strings) and printf-style `%`.
 *
 * Floats go through one digit generator that mirrors David Gay's dtoa as CPython calls
 * it (shortest / N significant digits / N digits after the point, ties to even), then
 * through a port of CPython's format_float_short, calc_number_widths and thousands
 * grouping, so padding, signs and separators follow the same rules as the original.
 */
import { PyError } from '../tensor/errors.js';
import { PyFloat, pyTypeName, pyTypeOf, type PyValue } from './values.js';

// ---------------------------------------------------------------------------------
// float repr

/** repr()/str() of a float: shortest round-trip digits, exponent outside [1e-4, 1e16). */
export function floatRepr(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e16) {
    // JS prints this range in plain decimal with the same shortest digits.
    const s = String(v);
    return s.indexOf('.') < 0 ? s + '.0' : s;
  }
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  if (v !== v) return 'nan';
  if (a === Infinity) return v > 0 ? 'inf' : '-inf';
  const s = v.toExponential(); // shortest digits, "d.ddde+X"
  // CPython writes at least two exponent digits
  return s.length - s.indexOf('e') === 3 ? s.slice(0, -1) + '0' + s.slice(-1) : s;
}

// ---------------------------------------------------------------------------------
// decimal digits of a double (what _Py_dg_dtoa returns: digits without trailing
// zeros, and decpt = position of the decimal point relative to the first digit)

interface Digits {
  digits: string;
  decpt: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1;
const HI = LITTLE ? 1 : 0;

/** |x| = mant * 2**exp with mant an integer below 2**53 (x finite, nonzero). */
function decompose(x: number): { mant: bigint; exp: number } {
  f64[0] = x;
  const hi = u32[HI];
  const lo = u32[LO];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = BigInt(hi & 0xfffff) * 4294967296n + BigInt(lo);
  if (bexp === 0) return { mant, exp: -1074 };
  mant += 1n << 52n;
  return { mant, exp: bexp - 1075 };
}

/** How many binary digits |x| has after the point (0 for integers). */
function fractionBits(x: number): number {
  if (Number.isInteger(x)) return 0;
  f64[0] = x;
  const hi = u32[HI];
  const lo = u32[LO];
  const bexp = (hi >>> 20) & 0x7ff;
  const exp = bexp === 0 ? -1074 : bexp - 1075;
  const top = (hi & 0xfffff) | (bexp === 0 ? 0 : 0x100000);
  // trailing zero bits of the mantissa shorten the fraction
  const tz = lo !== 0 ? ctz(lo) : 32 + ctz(top);
  return -exp - tz;
}

const ctz = (w: number) => 31 - Math.clz32(w & -w);

/** The exact decimal expansion of |x| (finite, nonzero). */
function exactDigits(x: number): Digits {
  const { mant, exp } = decompose(x);
  let s: string;
  let decpt: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    decpt = s.length;
  } else {
    s = (mant * 5n ** BigInt(-exp)).toString();
    decpt = s.length + exp; // the value is s * 10**exp
  }
  return stripTrailingZeros(s, decpt);
}

function stripTrailingZeros(s: string, decpt: number): Digits {
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  return { digits: s.slice(0, end), decpt };
}

/** Round exact digits to `keep` digits (half to even); keep <= 0 rounds to 0 or 10**k. */
function roundExact(d: Digits, keep: number): Digits {
  const { digits, decpt } = d;
  if (keep >= digits.length) return d;
  if (keep < 0) return { digits: '', decpt: decpt + keep };
  const next = digits.charCodeAt(keep) - 48;
  const rest = next > 5 || (next === 5 && keep + 1 < digits.length);
  const tie = next === 5 && keep + 1 === digits.length;
  const prevOdd = keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1;
  const up = rest || (tie && prevOdd);
  if (!up) {
    return keep === 0 ? { digits: '', decpt } : stripTrailingZeros(digits.slice(0, keep), decpt);
  }
  // add one unit in the last kept place
  const arr = digits.slice(0, keep).split('');
  let i = keep - 1;
  while (i >= 0 && arr[i] === '9') arr[i--] = '0';
  if (i < 0) return { digits: '1', decpt: decpt + 1 };
  arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
  return stripTrailingZeros(arr.join(''), decpt);
}

/** dtoa mode 0: the shortest digits that round-trip. */
function shortestDigits(x: number): Digits {
  const s = Math.abs(x).toExponential();
  const e = s.indexOf('e');
  const digits = s.charCodeAt(1) === 46 ? s[0] + s.slice(2, e) : s.slice(0, e);
  return { digits, decpt: Number(s.slice(e + 1)) + 1 };
}

/** Parse JS toExponential/toFixed output of a nonnegative number into Digits. */
function parseJsDecimal(s: string): Digits {
  const e = s.indexOf('e');
  let mant = e < 0 ? s : s.slice(0, e);
  const shift = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mant.indexOf('.');
  let decpt = (dot < 0 ? mant.length : dot) + shift;
  if (dot >= 0) mant = mant.slice(0, dot) + mant.slice(dot + 1);
  let start = 0;
  while (start < mant.length - 1 && mant.charCodeAt(start) === 48) {
    start++;
    decpt--;
  }
  const d = stripTrailingZeros(mant.slice(start), decpt);
  return d.digits === '0' ? { digits: '', decpt } : d;
}

/** Decrement the last digit of a JS-rounded decimal string (it is odd, so no borrow). */
function decrementLast(s: string, at: number): string {
  return s.slice(0, at) + String.fromCharCode(s.charCodeAt(at) - 1) + s.slice(at + 1);
}

/**
 * dtoa mode 2 (ndigits significant digits) or mode 3 (ndigits after the point) of
 * |x|, x finite and nonzero. JS's toExponential/toFixed round exactly but send ties
 * away from zero; a tie is only possible when x's exact expansion ends one digit past
 * the cut with a 5, which we detect cheaply and then round to even ourselves.
 */
function roundedDigits(x: number, fixed: boolean, ndigits: number): Digits {
  const a = Math.abs(x);
  if (ndigits > 99 || ndigits < 0 || (fixed && a >= 1e21)) {
    const exact = exactDigits(a);
    return roundExact(exact, fixed ? exact.decpt + ndigits : ndigits);
  }
  if (fixed) {
    let s = a.toFixed(ndigits);
    if (fractionBits(a) === ndigits + 1) {
      const last = s.length - 1;
      if ((s.charCodeAt(last) - 48) % 2 === 1) s = decrementLast(s, last);
    }
    return parseJsDecimal(s);
  }
  let s = a.toExponential(ndigits - 1);
  const t = a.toExponential(ndigits); // one digit more: the tie candidate
  const te = t.indexOf('e');
  if (t.charCodeAt(te - 1) === 53 && isExactTie(a, t, te, ndigits)) {
    const se = s.indexOf('e');
    const carried = Number(s.slice(se + 1)) > Number(t.slice(te + 1));
    if (!carried && (s.charCodeAt(se - 1) - 48) % 2 === 1) s = decrementLast(s, se - 1);
  }
  return parseJsDecimal(s);
}

/** Is `t` (ndigits+1 significant digits, ending in 5) exactly the value a? */
function isExactTie(a: number, t: string, te: number, ndigits: number): boolean {
  const exp = Number(t.slice(te + 1));
  const fracDigits = ndigits - exp;
  if (fracDigits >= 1) return fractionBits(a) === fracDigits;
  if (!Number.isInteger(a)) return false;
  const mant = t.slice(0, te).replace('.', '');
  return BigInt(a) === BigInt(mant) * 10n ** BigInt(-fracDigits);
}

// ---------------------------------------------------------------------------------
// PyOS_double_to_string / format_float_short

interface FloatFlags {
  sign?: boolean; // always add a sign
  addDot0?: boolean; // integers get ".0" (repr and the empty format type)
  alt?: boolean; // '#'
  noNeg0?: boolean; // 'z'
  upper?: boolean;
}

/** CPython's PyOS_double_to_string(x, code, precision, flags) for code in e f g r. */
export function doubleToString(x: number, code: 'e' | 'f' | 'g' | 'r', precision: number, flags: FloatFlags = {}): string {
  let neg = x < 0 || Object.is(x, -0);
  if (x !== x || x === Infinity || x === -Infinity) {
    const body = x !== x ? 'nan' : 'inf';
    const text = flags.upper ? body.toUpperCase() : body;
    return (x === -Infinity ? '-' : flags.sign ? '+' : '') + text;
  }
  if (code === 'g' && precision === 0) precision = 1;
  let d: Digits;
  if (x === 0) d = { digits: '0', decpt: 1 };
  else if (code === 'r') d = shortestDigits(x);
  else if (code === 'f') d = roundedDigits(x, true, precision);
  else d = roundedDigits(x, false, code === 'e' ? precision + 1 : precision);
  let { digits, decpt } = d;
  if (digits === '') {
    // rounded to zero: CPython's dtoa gives no digits and decpt = -precision
    decpt = code === 'f' ? -precision : decpt;
  }
  if (flags.noNeg0 && neg && (digits === '' || digits === '0')) neg = false;
  const addDot0 = !!flags.addDot0;
  const alt = !!flags.alt;
  let useExp = false;
  let vEnd = digits.length;
  switch (code) {
    case 'e':
      useExp = true;
      vEnd = precision + 1;
      break;
    case 'f':
      vEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vEnd = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  let out = neg ? '-' : flags.sign ? '+' : '';
  const n = digits.length;
  if (decpt <= 0) out += '0'.repeat(decpt - vStart) + '.' + '0'.repeat(-decpt);
  else out += '0'.repeat(-vStart);
  if (decpt > 0 && decpt <= n) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (n < decpt) out += '0'.repeat(decpt - n) + '.' + '0'.repeat(vEnd - decpt);
  else out += '0'.repeat(vEnd - n);
  if (out.charCodeAt(out.length - 1) === 46 && !alt) out = out.slice(0, -1);
  if (useExp) {
    const ae = Math.abs(exp);
    out += (flags.upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
  }
  return out;
}

// ---------------------------------------------------------------------------------
// format-spec mini-language

export interface FormatSpec {
  fill: string;
  align: '' | '<' | '>' | '^' | '=';
  sign: '' | '+' | '-' | ' ';
  noNeg0: boolean;
  alt: boolean;
  width: number; // -1: not given
  grouping: '' | ',' | '_';
  precision: number; // -1: not given
  type: string; // '' or one character
}

const isAlign = (c: string) => c === '<' || c === '>' || c === '^' || c === '=';

/**
 * Parse `[[fill]align][sign][z][#][0][width][grouping][.precision][type]` as CPython's
 * parse_internal_render_format_spec does. `defaultAlign` is '>' for numbers, '<' for
 * str; `typeName` names the object in the error for trailing garbage; `defaultType` is
 * the type an empty type field means ('d' for int, 's' for str, '' for float).
 */
export function parseFormatSpec(spec: string, defaultAlign: '<' | '>' = '>', typeName = 'object', defaultType = ''): FormatSpec {
  const r: FormatSpec = { fill: ' ', align: '', sign: '', noNeg0: false, alt: false, width: -1, grouping: '', precision: -1, type: defaultType };
  const chars = Array.from(spec); // the fill may be any code point
  const end = chars.length;
  let pos = 0;
  let fillGiven = false;
  if (end >= 2 && isAlign(chars[1])) {
    r.fill = chars[0];
    r.align = chars[1] as FormatSpec['align'];
    fillGiven = true;
    pos = 2;
  } else if (end >= 1 && isAlign(chars[0])) {
    r.align = chars[0] as FormatSpec['align'];
    pos = 1;
  }
  if (pos < end && (chars[pos] === '+' || chars[pos] === '-' || chars[pos] === ' ')) r.sign = chars[pos++] as FormatSpec['sign'];
  if (pos < end && chars[pos] === 'z') {
    r.noNeg0 = true;
    pos++;
  }
  if (pos < end && chars[pos] === '#') {
    r.alt = true;
    pos++;
  }
  if (!fillGiven && pos < end && chars[pos] === '0') {
    r.fill = '0';
    if (r.align === '' && defaultAlign === '>') r.align = '=';
    pos++;
  }
  let start = pos;
  while (pos < end && chars[pos] >= '0' && chars[pos] <= '9') pos++;
  if (pos > start) r.width = parseDecimal(chars, start, pos);
  if (pos < end && chars[pos] === ',') {
    r.grouping = ',';
    pos++;
  }
  if (pos < end && chars[pos] === '_') {
    if (r.grouping !== '') throw new PyError('ValueError', "Cannot specify both ',' and '_'.");
    r.grouping = '_';
    pos++;
  }
  if (pos < end && chars[pos] === ',' && r.grouping === '_') throw new PyError('ValueError', "Cannot specify both ',' and '_'.");
  if (pos < end && chars[pos] === '.') {
    pos++;
    start = pos;
    while (pos < end && chars[pos] >= '0' && chars[pos] <= '9') pos++;
    if (pos === start) throw new PyError('ValueError', 'Format specifier missing precision');
    r.precision = parseDecimal(chars, start, pos);
  }
  if (end - pos > 1) {
    throw new PyError('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (end - pos === 1) r.type = chars[pos];
  if (r.align === '') r.align = defaultAlign;
  if (r.grouping !== '') {
    const t = r.type;
    const ok = t === 'd' || t === 'e' || t === 'f' || t === 'g' || t === 'E' || t === 'G' || t === '%' || t === 'F' || t === '';
    const radix = t === 'b' || t === 'o' || t === 'x' || t === 'X';
    if (!ok && !(radix && r.grouping === '_')) {
      const code = t.codePointAt(0)!;
      const shown = code > 32 && code < 128 ? t : '\\x' + code.toString(16);
      throw new PyError('ValueError', `Cannot specify '${r.grouping}' with '${shown}'.`);
    }
  }
  return r;
}

function parseDecimal(chars: string[], start: number, end: number): number {
  const n = Number(chars.slice(start, end).join(''));
  if (n > 2147483647) throw new PyError('ValueError', 'Too many decimal digits in format string');
  return n;
}

function unknownCode(type: string, typeName: string): PyError {
  const code = type.codePointAt(0)!;
  const shown = code > 32 && code < 128 ? type : '\\x' + code.toString(16);
  return new PyError('ValueError', `Unknown format code '${shown}' for object of type '${typeName}'`);
}

/**
 * CPython's _PyUnicode_InsertThousandsGrouping: group `digits` from the right, padding
 * with zeros (which are grouped too) until the result is at least `minWidth` long.
 */
function groupDigits(digits: string, minWidth: number, sep: string, group: number): string {
  if (sep === '') {
    return digits.length >= minWidth ? digits : '0'.repeat(minWidth - digits.length) + digits;
  }
  const parts: string[] = [];
  let remaining = digits.length;
  let broken = false;
  for (;;) {
    const len = Math.min(group, Math.max(remaining, minWidth, 1));
    const zeros = Math.max(0, len - remaining);
    const take = Math.max(0, Math.min(remaining, len));
    parts.push('0'.repeat(zeros) + digits.slice(remaining - take, remaining));
    remaining -= take;
    minWidth -= len;
    if (remaining <= 0 && minWidth <= 0) {
      broken = true;
      break;
    }
    minWidth -= sep.length;
  }
  if (!broken) {
    const len = Math.max(remaining, minWidth, 1);
    parts.push('0'.repeat(Math.max(0, len - remaining)) + digits.slice(0, Math.max(0, Math.min(remaining, len))));
  }
  return parts.reverse().join(sep);
}

/**
 * calc_number_widths + fill_number: lay out sign, prefix, digits (grouped), decimal
 * point and remainder (`tail`: '.', fraction, exponent, '%', 'inf', a %c char) within
 * the width.
 */
function layoutNumber(spec: FormatSpec, negative: boolean, prefix: string, digits: string, tail: string): string {
  const sign = spec.sign === '+' ? (negative ? '-' : '+') : spec.sign === ' ' ? (negative ? '-' : ' ') : negative ? '-' : '';
  const nonDigit = sign.length + prefix.length + codePoints(tail);
  const minWidth = spec.fill === '0' && spec.align === '=' ? spec.width - nonDigit : 0;
  const sep = spec.grouping === '' ? '' : spec.grouping;
  const group = spec.type === 'b' || spec.type === 'o' || spec.type === 'x' || spec.type === 'X' ? 4 : 3;
  const grouped = digits.length === 0 ? '' : groupDigits(digits, minWidth, sep, group);
  const padding = spec.width - (nonDigit + grouped.length);
  let left = '';
  let middle = '';
  let right = '';
  if (padding > 0) {
    const fill = spec.fill;
    switch (spec.align) {
      case '<':
        right = fill.repeat(padding);
        break;
      case '^':
        left = fill.repeat(padding >> 1);
        right = fill.repeat(padding - (padding >> 1));
        break;
      case '=':
        middle = fill.repeat(padding);
        break;
      default:
        left = fill.repeat(padding);
    }
  }
  return left + sign + prefix + middle + grouped + tail + right;
}

/** `format(x, spec)` for a float. */
export function formatFloat(v: number, spec: string): string {
  if (spec === '') return floatRepr(v);
  return formatFloatSpec(v, parseFormatSpec(spec, '>', 'float'), 'float');
}

function formatFloatSpec(v: number, s: FormatSpec, typeName: string): string {
  let type = s.type;
  switch (type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      break;
    default:
      throw unknownCode(type, typeName);
  }
  const flags: FloatFlags = { alt: s.alt, noNeg0: s.noNeg0, upper: type === 'E' || type === 'F' || type === 'G' };
  let precision = s.precision;
  let code: 'e' | 'f' | 'g' | 'r';
  let defaultPrecision = 6;
  let pct = false;
  if (type === '') {
    flags.addDot0 = true;
    code = 'r';
    defaultPrecision = 0;
  } else if (type === 'n' || type === 'g' || type === 'G') code = 'g';
  else if (type === 'e' || type === 'E') code = 'e';
  else code = 'f';
  if (type === '%') {
    v *= 100;
    pct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (code === 'r') code = 'g';
  let text = doubleToString(v, code, precision, flags);
  if (pct) text += '%';
  const negative = text.charCodeAt(0) === 45;
  if (negative) text = text.slice(1);
  if (s.sign !== '+' && s.sign !== ' ' && s.width < 0 && s.grouping === '') return negative ? '-' + text : text;
  let digitsEnd = 0;
  while (digitsEnd < text.length && text.charCodeAt(digitsEnd) >= 48 && text.charCodeAt(digitsEnd) <= 57) digitsEnd++;
  return layoutNumber(s, negative, '', text.slice(0, digitsEnd), text.slice(digitsEnd));
}

/**
 * `format(n, spec)` for an int (an empty spec means str()). A bool with a non-empty
 * spec formats as 0/1 with typeName 'bool' for the error messages.
 */
export function formatInt(v: number | bigint, spec: string, typeName = 'int'): string {
  if (spec === '') return intToString(v);
  const s = parseFormatSpec(spec, '>', typeName, 'd');
  switch (s.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return formatFloatSpec(intToFloat(v), s, typeName);
    case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
      break;
    default:
      throw unknownCode(s.type, typeName);
  }
  if (s.precision >= 0) throw new PyError('ValueError', 'Precision not allowed in integer format specifier');
  if (s.noNeg0) throw new PyError('ValueError', 'Negative zero coercion (z) not allowed in integer format specifier');
  if (s.type === 'c') {
    if (s.sign !== '') throw new PyError('ValueError', "Sign not allowed with integer format specifier 'c'");
    if (s.alt) throw new PyError('ValueError', "Alternate form (#) not allowed with integer format specifier 'c'");
    if (v > 9223372036854775807n || v < -9223372036854775808n) {
      throw new PyError('OverflowError', 'Python int too large to convert to C long');
    }
    const code = Number(v);
    if (code < 0 || code > 0x10ffff) throw new PyError('OverflowError', '%c arg not in range(0x110000)');
    return layoutNumber(s, false, '', '', String.fromCodePoint(code));
  }
  const base = s.type === 'b' ? 2 : s.type === 'o' ? 8 : s.type === 'x' || s.type === 'X' ? 16 : 10;
  const negative = v < 0;
  let body = absInt(v).toString(base);
  let prefix = '';
  if (s.alt && base !== 10) prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  if (s.type === 'X') {
    body = body.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  return layoutNumber(s, negative, prefix, body, '');
}

/** `format(s, spec)` for a str. */
export function formatStr(str: string, spec: string): string {
  if (spec === '') return str;
  const s = parseFormatSpec(spec, '<', 'str', 's');
  if (s.type !== 's') throw unknownCode(s.type, 'str');
  if (s.sign !== '') throw new PyError('ValueError', 'Sign not allowed in string format specifier');
  if (s.noNeg0) throw new PyError('ValueError', 'Negative zero coercion (z) not allowed in string format specifier');
  if (s.alt) throw new PyError('ValueError', 'Alternate form (#) not allowed in string format specifier');
  if (s.align === '=') throw new PyError('ValueError', "'=' alignment not allowed in string format specifier");
  let cps: string[] | null = null;
  let len = str.length;
  if (hasSurrogates(str)) {
    cps = Array.from(str);
    len = cps.length;
  }
  if (s.precision >= 0 && len > s.precision) {
    str = cps ? cps.slice(0, s.precision).join('') : str.slice(0, s.precision);
    len = s.precision;
  }
  return pad(str, len, s.width, s.align, s.fill);
}

function codePoints(s: string): number {
  return hasSurrogates(s) ? Array.from(s).length : s.length;
}

function hasSurrogates(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

function pad(text: string, len: number, width: number, align: string, fill: string): string {
  const n = width - len;
  if (n <= 0) return text;
  if (align === '>') return fill.repeat(n) + text;
  if (align === '^') return fill.repeat(n >> 1) + text + fill.repeat(n - (n >> 1));
  return text + fill.repeat(n);
}

/**
 * round(x, ndigits) for a float, as CPython's double_round: the exact value rounded half
 * to even at 10**-ndigits, read back correctly rounded. `null` ndigits rounds to an int.
 */
export function roundFloat(x: number, ndigits: number | null): number | bigint | PyFloat {
  if (ndigits === null) {
    let r = Math.round(x);
    if (Math.abs(x - r) === 0.5) r = 2 * Math.round(x / 2); // halfway: to even
    return floatToInt(r);
  }
  if (!Number.isFinite(x) || x === 0 || ndigits > 323) return new PyFloat(x);
  if (ndigits < -308) return new PyFloat(0 * x);
  const { digits, decpt } = roundedDigits(x, true, ndigits);
  const r = Number(`${x < 0 ? '-' : ''}0${digits}e${decpt - digits.length}`);
  if (!Number.isFinite(r)) throw new PyError('OverflowError', 'rounded value too large to represent');
  return new PyFloat(r);
}

// ---------------------------------------------------------------------------------
// ints

const absInt = (v: number | bigint): number | bigint => (v < 0 ? -v : v);

export function intToString(v: number | bigint): string {
  return typeof v === 'number' ? String(v) : v.toString();
}

/** float(n) for a Python int; OverflowError beyond the double range, as CPython. */
export function intToFloat(v: number | bigint): number {
  if (typeof v === 'number') return v;
  const f = Number(v);
  if (f === Infinity || f === -Infinity) throw new PyError('OverflowError', 'int too large to convert to float');
  return f;
}

/** An int result as Python keeps it: a number while safe, a bigint beyond. */
export function normInt(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** int(x) of a finite float, truncating; errors as CPython for inf and nan. */
export function floatToInt(x: number): number | bigint {
  if (x !== x) throw new PyError('ValueError', 'cannot convert float NaN to integer');
  if (x === Infinity || x === -Infinity) throw new PyError('OverflowError', 'cannot convert float infinity to integer');
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? t + 0 : BigInt(t);
}

// ---------------------------------------------------------------------------------
// printf-style formatting: template % args


interface PercentArgs {
  args: readonly PyValue[];
  next: number;
}

function nextArg(state: PercentArgs): PyValue {
  if (state.next >= state.args.length) throw new PyError('TypeError', 'not enough arguments for format string');
  return state.args[state.next++];
}

/** %d/%i/%u: any real number, truncated (CPython calls int() on floats and objects). */
function percentInt(v: PyValue, conv: string): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return floatToInt(v.v);
  const t = pyTypeOf(v);
  if (t?.int) return t.int(v);
  if (t?.float) return floatToInt(t.float(v));
  throw new PyError('TypeError', `%${conv} format: a real number is required, not ${pyTypeName(v)}`);
}

/** %x/%o/%X: an integer proper (__index__), floats are refused. */
function percentIndex(v: PyValue, conv: string): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = pyTypeOf(v);
  if (t?.index) return t.index(v);
  throw new PyError('TypeError', `%${conv} format: an integer is required, not ${pyTypeName(v)}`);
}

/** float(v) for numeric conversions: int, bool, float, or an object with a float slot. */
export function percentFloat(v: PyValue): number {
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'number' || typeof v === 'bigint') return intToFloat(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = pyTypeOf(v);
  if (t?.float) return t.float(v);
  throw new PyError('TypeError', `must be real number, not ${pyTypeName(v)}`);
}

/**
 * `template % args`. `args` are the tuple items (or the single non-tuple operand);
 * `mapping` looks keys up when the right operand is a dict (`%(name)s`); a dict
 * operand may also go unused, as in CPython.
 */
export function percentFormat(
  template: string,
  args: readonly PyValue[],
  str: (v: PyValue) => string,
  repr: (v: PyValue) => string,
  mapping?: (key: string) => PyValue,
): string {
  const state: PercentArgs = { args, next: 0 };
  let out = '';
  let i = 0;
  const n = template.length;
  while (i < n) {
    const pct = template.indexOf('%', i);
    if (pct < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, pct);
    i = pct + 1;
    if (i >= n) throw new PyError('ValueError', 'incomplete format');
    if (template[i] === '%') {
      out += '%';
      i++;
      continue;
    }
    let keyed: PyValue = undefined;
    if (template[i] === '(') {
      if (!mapping) throw new PyError('TypeError', 'format requires a mapping');
      let depth = 1;
      const start = ++i;
      while (i < n && depth > 0) {
        if (template[i] === '(') depth++;
        else if (template[i] === ')') depth--;
        i++;
      }
      if (depth > 0) throw new PyError('ValueError', 'incomplete format key');
      keyed = mapping(template.slice(start, i - 1));
    }
    let left = false, plus = false, blank = false, alt = false, zero = false;
    for (; i < n; i++) {
      const c = template[i];
      if (c === '-') left = true;
      else if (c === '+') plus = true;
      else if (c === ' ') blank = true;
      else if (c === '#') alt = true;
      else if (c === '0') zero = true;
      else break;
    }
    let width = -1;
    if (template[i] === '*') {
      const w = nextArg(state);
      if (typeof w !== 'number' && typeof w !== 'boolean') throw new PyError('TypeError', '* wants int');
      width = Number(w);
      if (width < 0) {
        left = true;
        width = -width;
      }
      i++;
    } else {
      const start = i;
      while (i < n && template.charCodeAt(i) >= 48 && template.charCodeAt(i) <= 57) i++;
      if (i > start) width = Number(template.slice(start, i));
    }
    let prec = -1;
    if (template[i] === '.') {
      i++;
      if (template[i] === '*') {
        const p = nextArg(state);
        if (typeof p !== 'number' && typeof p !== 'boolean') throw new PyError('TypeError', '* wants int');
        prec = Math.max(0, Number(p));
        i++;
      } else {
        const start = i;
        while (i < n && template.charCodeAt(i) >= 48 && template.charCodeAt(i) <= 57) i++;
        prec = i > start ? Number(template.slice(start, i)) : 0;
      }
    }
    while (i < n && (template[i] === 'h' || template[i] === 'l' || template[i] === 'L')) i++;
    if (i >= n) throw new PyError('ValueError', 'incomplete format');
    const conv = template[i];
    const at = i;
    i++;
    const v = keyed !== undefined ? keyed : nextArg(state);
    let sign = '';
    let prefix = '';
    let body: string;
    let numeric = true;
    switch (conv) {
      case 's':
      case 'r':
      case 'a':
        body = conv === 's' ? str(v) : conv === 'r' ? repr(v) : asciiEscape(repr(v));
        if (prec >= 0) body = Array.from(body).slice(0, prec).join('');
        numeric = false;
        break;
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        const iv = conv === 'd' || conv === 'i' || conv === 'u' ? percentInt(v, conv) : percentIndex(v, conv);
        const neg = iv < 0;
        const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
        body = absInt(iv).toString(base);
        if (conv === 'X') body = body.toUpperCase();
        if (prec > body.length) body = '0'.repeat(prec - body.length) + body;
        if (alt && base !== 10) prefix = conv === 'o' ? '0o' : conv === 'x' ? '0x' : '0X';
        sign = neg ? '-' : plus ? '+' : blank ? ' ' : '';
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const fv = percentFloat(v);
        const code = conv.toLowerCase() as 'e' | 'f' | 'g';
        body = doubleToString(fv, code, prec < 0 ? 6 : prec, { alt, upper: conv === 'E' || conv === 'F' || conv === 'G' });
        if (body[0] === '-') {
          sign = '-';
          body = body.slice(1);
        } else sign = plus ? '+' : blank ? ' ' : '';
        break;
      }
      case 'c':
        body = percentChar(v);
        numeric = false;
        break;
      default: {
        const code = conv.codePointAt(0)!;
        throw new PyError('ValueError', `unsupported format character '${conv}' (0x${code.toString(16)}) at index ${at}`);
      }
    }
    const len = sign.length + prefix.length + body.length;
    if (width > len) {
      const fill = width - len;
      if (left) body = sign + prefix + body + ' '.repeat(fill);
      else if (zero && numeric) body = sign + prefix + '0'.repeat(fill) + body;
      else body = ' '.repeat(fill) + sign + prefix + body;
    } else body = sign + prefix + body;
    out += body;
  }
  if (!mapping && state.next < state.args.length) {
    throw new PyError('TypeError', 'not all arguments converted during string formatting');
  }
  return out;
}

function percentChar(v: PyValue): string {
  if (typeof v === 'string') {
    if (Array.from(v).length === 1) return v;
    throw new PyError('TypeError', '%c requires int or char');
  }
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    const code = Number(v);
    if (code < 0 || code > 0x10ffff) throw new PyError('OverflowError', '%c arg not in range(0x110000)');
    return String.fromCodePoint(code);
  }
  throw new PyError('TypeError', '%c requires int or char');
}

/** ascii(): repr with every non-ASCII code point escaped. */
function asciiEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 128) out += ch;
    else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}
