/**
 * str methods, str.format and format(value, spec).
 */
import { callValue } from './call.js';
import { pyErr, typeErr, valueErr } from './exceptions.js';
import { formatFloat, formatInt, formatStr } from './format.js';
import { getAttr } from './attrs.js';
import { PyInstance } from './objects.js';
import { getItem } from './items.js';
import { iterate, slots } from './ops.js';
import { pyRepr, pyStr } from './text.js';
import { typeName } from './types.js';
import { PyFloat, PyList, PyTuple, type Kwargs, type PyValue } from './values.js';

export type Method = (self: any, args: PyValue[], kwargs: Kwargs | null) => PyValue;

/** format(value, spec) / f"{value:spec}". */
export function formatValue(v: PyValue, spec: string): string {
  if (typeof v === 'string') return formatStr(v, spec);
  if (v instanceof PyFloat) return formatFloat(v.v, spec);
  if (typeof v === 'number' || typeof v === 'bigint') return formatInt(v, spec);
  if (typeof v === 'boolean') return spec === '' ? (v ? 'True' : 'False') : formatInt(v ? 1 : 0, spec);
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__format__');
    if (m !== undefined) return pyStr(callValue(m, [v, spec], null));
  } else {
    const t = slots(v);
    if (t?.format) return t.format(v, spec);
  }
  if (spec === '') return pyStr(v);
  throw typeErr(`unsupported format string passed to ${typeName(v)}.__format__`);
}

const WS = ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
const isWs = (c: string) => WS.includes(c);

function argStr(v: PyValue, method: string, pos = 1): string {
  if (typeof v !== 'string') throw typeErr(`${method}() argument ${pos} must be str, not ${typeName(v)}`);
  return v;
}

function optInt(v: PyValue, dflt: number): number {
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw typeErr(`slice indices must be integers or None or have an __index__ method`);
}

function stripChars(s: string, chars: PyValue, left: boolean, right: boolean): string {
  const set = chars === undefined || chars === null ? null : argStr(chars, 'strip');
  const test = set === null ? isWs : (c: string) => set.includes(c);
  let i = 0;
  let j = s.length;
  if (left) while (i < j && test(s[i])) i++;
  if (right) while (j > i && test(s[j - 1])) j--;
  return s.slice(i, j);
}

function splitWs(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isWs(s[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      let j = n;
      while (j > i && isWs(s[j - 1])) j--;
      out.push(s.slice(i, j));
      return out;
    }
    let j = i;
    while (j < n && !isWs(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function split(s: string, args: PyValue[], kwargs: Kwargs | null): PyValue {
  const sep = args[0] ?? kwargs?.get('sep') ?? null;
  const maxsplit = optInt(args[1] ?? kwargs?.get('maxsplit'), -1);
  if (sep === null) return new PyList(splitWs(s, maxsplit));
  const p = argStr(sep, 'split');
  if (p === '') throw valueErr('empty separator');
  const parts = s.split(p);
  if (maxsplit >= 0 && parts.length > maxsplit + 1) {
    const head = parts.slice(0, maxsplit);
    head.push(parts.slice(maxsplit).join(p));
    return new PyList(head);
  }
  return new PyList(parts);
}

function rsplit(s: string, args: PyValue[], kwargs: Kwargs | null): PyValue {
  const sep = args[0] ?? kwargs?.get('sep') ?? null;
  const maxsplit = optInt(args[1] ?? kwargs?.get('maxsplit'), -1);
  if (maxsplit < 0) return split(s, [sep], null);
  if (sep === null) {
    const rev = splitWs([...s].reverse().join(''), maxsplit).map((x) => [...x].reverse().join(''));
    return new PyList(rev.reverse());
  }
  const p = argStr(sep, 'rsplit');
  if (p === '') throw valueErr('empty separator');
  const parts = s.split(p);
  if (parts.length > maxsplit + 1) {
    const cut = parts.length - maxsplit;
    return new PyList([parts.slice(0, cut).join(p), ...parts.slice(cut)]);
  }
  return new PyList(parts);
}

/** Python's slice-style start/end arguments of find/count/startswith. */
function range(s: string, start: PyValue, end: PyValue): [number, number] {
  const n = s.length;
  let a = optInt(start, 0);
  let b = optInt(end, n);
  if (a < 0) a = Math.max(0, a + n);
  if (b < 0) b = Math.max(0, b + n);
  return [Math.min(a, n), Math.min(b, n)];
}

function find(s: string, args: PyValue[], name: string, fromRight: boolean): number {
  const sub = argStr(args[0], name);
  const [a, b] = range(s, args[1], args[2]);
  if (b - a < sub.length) return a <= b && sub.length === 0 ? (fromRight ? b : a) : -1;
  const region = s.slice(a, b);
  const i = fromRight ? region.lastIndexOf(sub) : region.indexOf(sub);
  return i < 0 ? -1 : i + a;
}

function pad(s: string, args: PyValue[], name: string, where: 'l' | 'r' | 'c'): string {
  const width = optInt(args[0], 0);
  const fill = args[1] === undefined ? ' ' : argStr(args[1], name, 2);
  if (fill.length !== 1) throw typeErr(`The fill character must be exactly one character long`);
  const total = width - s.length;
  if (total <= 0) return s;
  if (where === 'l') return s + fill.repeat(total);
  if (where === 'r') return fill.repeat(total) + s;
  // CPython's centring puts the extra fill on the left when width and length are both odd.
  const left = Math.floor(total / 2) + (total & width & 1);
  return fill.repeat(left) + s + fill.repeat(total - left);
}

function title(s: string): string {
  let out = '';
  let prevCased = false;
  for (const c of s) {
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    const cased = lower !== upper;
    out += cased ? (prevCased ? lower : upper) : c;
    prevCased = cased;
  }
  return out;
}

const isDigitChar = (c: string) => /\p{Nd}/u.test(c);

function prefixTest(s: string, args: PyValue[], name: string, atEnd: boolean): boolean {
  const what = args[0];
  const [a, b] = range(s, args[1], args[2]);
  const region = s.slice(a, b);
  const test = (p: PyValue) => {
    if (typeof p !== 'string')
      throw typeErr(`${name} first arg must be str or a tuple of str, not ${typeName(p)}`);
    return atEnd ? region.endsWith(p) : region.startsWith(p);
  };
  if (what instanceof PyTuple) return what.items.some(test);
  return test(what);
}

function join(s: string, iterable: PyValue): string {
  const parts: string[] = [];
  let i = 0;
  const it = iterate(iterable);
  for (let r = it.next(); !r.done; r = it.next(), i++) {
    if (typeof r.value !== 'string')
      throw typeErr(`sequence item ${i}: expected str instance, ${typeName(r.value)} found`);
    parts.push(r.value);
  }
  return parts.join(s);
}

export const strMethods = new Map<string, Method>([
  ['upper', (s: string) => s.toUpperCase()],
  ['lower', (s: string) => s.toLowerCase()],
  ['casefold', (s: string) => s.toLowerCase()],
  ['swapcase', (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')],
  ['title', (s: string) => title(s)],
  ['capitalize', (s: string) => (s.length ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s)],
  ['center', (s: string, a) => pad(s, a, 'center', 'c')],
  ['ljust', (s: string, a) => pad(s, a, 'ljust', 'l')],
  ['rjust', (s: string, a) => pad(s, a, 'rjust', 'r')],
  [
    'zfill',
    (s: string, a) => {
      const width = optInt(a[0], 0);
      if (s.length >= width) return s;
      const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
      return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
    },
  ],
  ['strip', (s: string, a) => stripChars(s, a[0], true, true)],
  ['lstrip', (s: string, a) => stripChars(s, a[0], true, false)],
  ['rstrip', (s: string, a) => stripChars(s, a[0], false, true)],
  ['split', split],
  ['rsplit', rsplit],
  [
    'splitlines',
    (s: string, a) => {
      const keep = a[0] === true;
      const out: string[] = [];
      const re = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;
      let last = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        out.push(s.slice(last, keep ? m.index + m[0].length : m.index));
        last = m.index + m[0].length;
      }
      if (last < s.length) out.push(s.slice(last));
      return new PyList(out);
    },
  ],
  ['join', (s: string, a) => join(s, a[0])],
  [
    'replace',
    (s: string, a) => {
      const old = argStr(a[0], 'replace');
      const rep = argStr(a[1], 'replace', 2);
      const count = optInt(a[2], -1);
      if (count < 0) return s.split(old).join(rep);
      const parts = s.split(old);
      if (parts.length - 1 <= count) return parts.join(rep);
      return parts.slice(0, count + 1).join(rep) + old + parts.slice(count + 1).join(old);
    },
  ],
  ['startswith', (s: string, a) => prefixTest(s, a, 'startswith', false)],
  ['endswith', (s: string, a) => prefixTest(s, a, 'endswith', true)],
  [
    'count',
    (s: string, a) => {
      const sub = argStr(a[0], 'count');
      const [x, y] = range(s, a[1], a[2]);
      if (y < x) return 0;
      const region = s.slice(x, y);
      if (sub === '') return region.length + 1;
      return region.split(sub).length - 1;
    },
  ],
  ['find', (s: string, a) => find(s, a, 'find', false)],
  ['rfind', (s: string, a) => find(s, a, 'rfind', true)],
  [
    'index',
    (s: string, a) => {
      const i = find(s, a, 'index', false);
      if (i < 0) throw valueErr('substring not found');
      return i;
    },
  ],
  [
    'rindex',
    (s: string, a) => {
      const i = find(s, a, 'rindex', true);
      if (i < 0) throw valueErr('substring not found');
      return i;
    },
  ],
  [
    'partition',
    (s: string, a) => {
      const sep = argStr(a[0], 'partition');
      const i = s.indexOf(sep);
      return new PyTuple(i < 0 ? [s, '', ''] : [s.slice(0, i), sep, s.slice(i + sep.length)]);
    },
  ],
  [
    'rpartition',
    (s: string, a) => {
      const sep = argStr(a[0], 'rpartition');
      const i = s.lastIndexOf(sep);
      return new PyTuple(i < 0 ? ['', '', s] : [s.slice(0, i), sep, s.slice(i + sep.length)]);
    },
  ],
  ['isdigit', (s: string) => s.length > 0 && [...s].every(isDigitChar)],
  ['isdecimal', (s: string) => s.length > 0 && [...s].every(isDigitChar)],
  ['isnumeric', (s: string) => s.length > 0 && [...s].every((c) => /\p{N}/u.test(c))],
  ['isalpha', (s: string) => s.length > 0 && [...s].every((c) => /\p{L}/u.test(c))],
  ['isalnum', (s: string) => s.length > 0 && [...s].every((c) => /[\p{L}\p{N}]/u.test(c))],
  ['isspace', (s: string) => s.length > 0 && [...s].every(isWs)],
  ['isupper', (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase()],
  ['islower', (s: string) => /\p{Ll}/u.test(s) && s === s.toLowerCase()],
  ['isidentifier', (s: string) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(s)],
  ['istitle', (s: string) => s !== s.toLowerCase() && title(s) === s],
  ['format', (s: string, a, k) => strFormat(s, a, k)],
  ['format_map', (s: string, a) => strFormat(s, [], null, a[0])],
  [
    'removeprefix',
    (s: string, a) => {
      const p = argStr(a[0], 'removeprefix');
      return p && s.startsWith(p) ? s.slice(p.length) : s;
    },
  ],
  [
    'removesuffix',
    (s: string, a) => {
      const p = argStr(a[0], 'removesuffix');
      return p && s.endsWith(p) ? s.slice(0, -p.length) : s;
    },
  ],
  ['expandtabs', (s: string, a) => expandTabs(s, optInt(a[0], 8))],
  ['encode', () => {
    throw pyErr('NotImplementedError', 'bytes are not supported');
  }],
]);

function expandTabs(s: string, size: number): string {
  let out = '';
  let col = 0;
  for (const c of s) {
    if (c === '\t') {
      const n = size > 0 ? size - (col % size) : 0;
      out += ' '.repeat(n);
      col += n;
    } else {
      out += c;
      col = c === '\n' || c === '\r' ? 0 : col + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------
// str.format

function lookupField(name: string, args: PyValue[], kwargs: Kwargs | null, auto: { n: number; mode: string }, mapping?: PyValue): PyValue {
  const m = /^([^.[]*)(.*)$/s.exec(name)!;
  let first = m[1];
  let rest = m[2];
  let v: PyValue;
  if (first === '') {
    if (auto.mode === 'manual') throw valueErr('cannot switch from manual field specification to automatic field numbering');
    auto.mode = 'auto';
    first = String(auto.n++);
  } else if (/^\d+$/.test(first)) {
    if (auto.mode === 'auto') throw valueErr('cannot switch from automatic field numbering to manual field specification');
    auto.mode = 'manual';
  }
  if (/^\d+$/.test(first)) {
    const i = Number(first);
    if (i >= args.length) throw pyErr('IndexError', `Replacement index ${i} out of range for positional args tuple`);
    v = args[i];
  } else if (mapping !== undefined) {
    v = getItem(mapping, first);
  } else {
    const kv = kwargs?.get(first);
    if (kv === undefined) {
      const e = pyErr('KeyError');
      e.args = [first];
      throw e;
    }
    v = kv;
  }
  while (rest.length > 0) {
    if (rest[0] === '.') {
      const mm = /^\.([^.[]+)/.exec(rest);
      if (!mm) throw valueErr('Empty attribute in format string');
      v = getAttr(v, mm[1]);
      rest = rest.slice(mm[0].length);
    } else {
      const close = rest.indexOf(']');
      if (close < 0) throw valueErr("Missing ']' in format string");
      const key = rest.slice(1, close);
      v = getItem(v, /^\d+$/.test(key) ? Number(key) : key);
      rest = rest.slice(close + 1);
    }
  }
  return v;
}

export function strFormat(s: string, args: PyValue[], kwargs: Kwargs | null, mapping?: PyValue): string {
  const auto = { n: 0, mode: '' };
  const render = (tpl: string, depth: number): string => {
    let out = '';
    let i = 0;
    while (i < tpl.length) {
      const c = tpl[i];
      if (c === '}') {
        if (tpl[i + 1] === '}') {
          out += '}';
          i += 2;
          continue;
        }
        throw valueErr("Single '}' encountered in format string");
      }
      if (c !== '{') {
        out += c;
        i++;
        continue;
      }
      if (tpl[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      // find the matching close brace, allowing nested {} in the spec
      let j = i + 1;
      let level = 1;
      while (j < tpl.length && level > 0) {
        if (tpl[j] === '{') level++;
        else if (tpl[j] === '}') level--;
        if (level > 0) j++;
      }
      if (level > 0) throw valueErr("expected '}' before end of string");
      const field = tpl.slice(i + 1, j);
      i = j + 1;
      let name = field;
      let conv = '';
      let spec = '';
      const colon = indexOutsideBrackets(field, ':');
      if (colon >= 0) {
        name = field.slice(0, colon);
        spec = field.slice(colon + 1);
      }
      const bang = indexOutsideBrackets(name, '!');
      if (bang >= 0) {
        conv = name.slice(bang + 1);
        name = name.slice(0, bang);
        if (conv !== 'r' && conv !== 's' && conv !== 'a') throw valueErr(`Unknown conversion specifier ${conv}`);
      }
      if (depth > 1) throw valueErr('Max string recursion exceeded');
      let v = lookupField(name, args, kwargs, auto, mapping);
      if (conv === 'r' || conv === 'a') v = pyRepr(v);
      else if (conv === 's') v = pyStr(v);
      if (spec.includes('{')) spec = render(spec, depth + 1);
      out += formatValue(v, spec);
    }
    return out;
  };
  return render(s, 0);
}

function indexOutsideBrackets(s: string, ch: string): number {
  let inBracket = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[') inBracket = true;
    else if (s[i] === ']') inBracket = false;
    else if (s[i] === ch && !inBracket) return i;
  }
  return -1;
}

