/**
 * The builtins a program sees. Deliberately absent: open, eval, exec, compile,
 * globals, locals, vars, __import__, input's real stdin: a program reaches nothing of
 * the host (those names raise NameError like any undefined name).
 */
import { attributeDict, classMethodsOfDict, delAttr, getAttr, lookupAttr, setAttr } from './attrs.js';
import { callValue, exactArgs, isStopIteration, noKwargs, restoreDepth } from './call.js';
import { dictUpdate, fromkeys, PyDictView, setAdd, sortValues } from './collection-methods.js';
import { fatalErr, pyErr, typeErr, valueErr } from './exceptions.js';
import { asIndex } from './items.js';
import { floatToInt, intMod, intPow, intToFloat, normBig, roundHalfEven, roundInt, type Int } from './numbers.js';
import { roundFloat } from './format.js';
import {
  BoundMethod,
  BuiltinFunction,
  ELLIPSIS,
  PyClass,
  PyClassMethod,
  PyDict,
  PyFunction,
  PyInstance,
  PyIterator,
  PyProperty,
  PyRange,
  PySet,
  PySlice,
  PyStaticMethod,
  PySuper,
  type HostFunction,
} from './objects.js';
import { add, binop, compare, divmod, hashKey, iterate, pyLen, slots, toArray, truthy, unary } from './ops.js';
import { state } from './state.js';
import { formatValue } from './str-methods.js';
import { MAX_STR_DIGITS, objectId, pyRepr, pyStr } from './text.js';
import {
  boolClass,
  classOf,
  dictClass,
  exceptionClasses,
  floatClass,
  frozensetClass,
  intClass,
  isInstanceOf,
  listClass,
  objectClass,
  rangeClass,
  setClass,
  sliceClass,
  strClass,
  tupleClass,
  typeClass,
  typeName,
} from './types.js';
import { NotImplemented, PyFloat, PyList, PyTuple, type Kwargs, type PyValue } from './values.js';

export const builtins = new Map<string, PyValue>();

function def(name: string, fn: HostFunction): void {
  builtins.set(name, new BuiltinFunction(name, fn));
}

const kw = (kwargs: Kwargs | null, name: string): PyValue | undefined => kwargs?.get(name);

function onlyKwargs(fname: string, kwargs: Kwargs | null, allowed: string[]): void {
  if (!kwargs) return;
  for (const k of kwargs.keys())
    if (!allowed.includes(k)) throw typeErr(`'${k}' is an invalid keyword argument for ${fname}()`);
}

// ---------------------------------------------------------------------------------
// output

export function writeOut(text: string): void {
  state.outBytes += text.length;
  if (state.outBytes > state.limits.maxOutputBytes) {
    const room = text.length - (state.outBytes - state.limits.maxOutputBytes);
    if (room > 0) state.out.push(text.slice(0, room));
    throw fatalErr('OutputLimitError', `program exceeded the output limit (${state.limits.maxOutputBytes} characters)`);
  }
  state.out.push(text);
}

def('print', (args, kwargs) => {
  let sep = ' ';
  let end = '\n';
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k === 'sep' || k === 'end') {
        if (v !== null && typeof v !== 'string') throw typeErr(`${k} must be None or a string, not ${typeName(v)}`);
        if (v !== null) k === 'sep' ? (sep = v) : (end = v);
      } else if (k !== 'file' && k !== 'flush') throw typeErr(`'${k}' is an invalid keyword argument for print()`);
    }
  }
  let s = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) s += sep;
    s += pyStr(args[i]);
  }
  writeOut(s + end);
  return null;
});

def('input', () => {
  throw pyErr('EOFError', 'EOF when reading a line');
});

// ---------------------------------------------------------------------------------
// numbers

const STR_INT = /^[+-]?(\d(_?\d)*)$/;

function parseIntText(text: string, base: number): Int | undefined {
  let s = text.trim();
  let sign = 1n;
  if (s[0] === '+' || s[0] === '-') {
    if (s[0] === '-') sign = -1n;
    s = s.slice(1);
  }
  const prefixes: Record<string, number> = { '0x': 16, '0o': 8, '0b': 2 };
  const p = s.slice(0, 2).toLowerCase();
  if (prefixes[p] !== undefined && (base === 0 || base === prefixes[p])) {
    base = prefixes[p];
    s = s.slice(2);
    if (s.startsWith('_')) s = s.slice(1);
  } else if (base === 0) {
    if (/^0+(_?0)*$/.test(s)) return 0;
    if (s.startsWith('0')) return undefined;
    base = 10;
  }
  if (s === '' || s.startsWith('_') || s.endsWith('_') || s.includes('__')) return undefined;
  s = s.replace(/_/g, '');
  // CPython 3.11's guard against quadratic-time conversion (bases that are not powers of two)
  if ((base & (base - 1)) !== 0 && s.length > MAX_STR_DIGITS)
    throw valueErr(
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${s.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  let v = 0n;
  const b = BigInt(base);
  for (const c of s.toLowerCase()) {
    const d = digits.indexOf(c);
    if (d < 0) return undefined;
    v = v * b + BigInt(d);
  }
  return normBig(sign * v);
}

function toInt(args: PyValue[], kwargs: Kwargs | null): PyValue {
  onlyKwargs('int', kwargs, ['base']);
  if (args.length === 0 && !kwargs) return 0;
  const x = args[0];
  const baseArg = args.length > 1 ? args[1] : kw(kwargs, 'base');
  if (baseArg !== undefined) {
    if (typeof x !== 'string') throw typeErr("int() can't convert non-string with explicit base");
    const base = asIndex(baseArg)!;
    if (base !== 0 && (base < 2 || base > 36)) throw valueErr('int() base must be >= 2 and <= 36, or 0');
    const v = parseIntText(x, base);
    if (v === undefined) throw valueErr(`invalid literal for int() with base ${base}: ${pyRepr(x)}`);
    return v;
  }
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return floatToInt(x.v);
  if (typeof x === 'string') {
    const v = STR_INT.test(x.trim()) ? parseIntText(x, 10) : undefined;
    if (v === undefined) throw valueErr(`invalid literal for int() with base 10: ${pyRepr(x)}`);
    return v;
  }
  if (x instanceof PyInstance) {
    for (const name of ['__int__', '__index__', '__trunc__']) {
      const m = x.cls.lookup(name);
      if (m !== undefined) return callValue(m, [x], null);
    }
  } else {
    const t = slots(x);
    if (t?.int) return t.int(x);
    if (t?.index) return t.index(x);
  }
  throw typeErr(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
}

export function parseFloatText(x: string): number | undefined {
  const s = x.trim().toLowerCase();
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(s);
  if (m) return m[2] === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
  if (!/^[+-]?((\d(_?\d)*)?\.?(\d(_?\d)*)?)(e[+-]?\d(_?\d)*)?$/.test(s) || !/\d/.test(s.split('e')[0])) return undefined;
  return Number(s.replace(/_/g, ''));
}

export function toFloatValue(x: PyValue): number {
  if (x instanceof PyFloat) return x.v;
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return intToFloat(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'string') {
    const v = parseFloatText(x);
    if (v === undefined) throw valueErr(`could not convert string to float: ${pyRepr(x)}`);
    return v;
  }
  if (x instanceof PyInstance) {
    const m = x.cls.lookup('__float__') ?? x.cls.lookup('__index__');
    if (m !== undefined) {
      const r = callValue(m, [x], null);
      return r instanceof PyFloat ? r.v : toFloatValue(r);
    }
  } else {
    const t = slots(x);
    if (t?.float) return t.float(x);
    if (t?.index) return intToFloat(t.index(x));
  }
  throw typeErr(`float() argument must be a string or a real number, not '${typeName(x)}'`);
}

def('abs', (args, kwargs) => {
  noKwargs('abs', kwargs);
  exactArgs('abs', args, 1);
  return unary('abs', args[0]);
});

def('round', (args, kwargs) => {
  onlyKwargs('round', kwargs, ['ndigits']);
  const x = args[0];
  const nd = args.length > 1 ? args[1] : kw(kwargs, 'ndigits') ?? null;
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') {
    const n = typeof x === 'boolean' ? (x ? 1 : 0) : x;
    return nd === null ? n : roundInt(n, Number(asIndex(nd)));
  }
  if (x instanceof PyFloat) {
    if (nd === null) return floatToInt(roundHalfEven(x.v));
    const n = asIndex(nd);
    if (n === undefined) throw typeErr(`'${typeName(nd)}' object cannot be interpreted as an integer`);
    return roundFloat(x.v, Number(n));
  }
  if (x instanceof PyInstance) {
    const m = x.cls.lookup('__round__');
    if (m !== undefined) return callValue(m, nd === null ? [x] : [x, nd], null);
  }
  throw typeErr(`type ${typeName(x)} doesn't define __round__ method`);
});

def('divmod', (args) => {
  exactArgs('divmod', args, 2);
  return divmod(args[0], args[1]);
});

def('pow', (args, kwargs) => {
  onlyKwargs('pow', kwargs, ['base', 'exp', 'mod']);
  const base = args[0] ?? kw(kwargs, 'base');
  const exp = args[1] ?? kw(kwargs, 'exp');
  const mod = args[2] ?? kw(kwargs, 'mod') ?? null;
  if (mod === null) return binopPow(base, exp);
  const isI = (v: PyValue) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
  if (!isI(base) || !isI(exp) || !isI(mod))
    throw typeErr('pow() 3rd argument not allowed unless all arguments are integers');
  const m = BigInt(Number(mod as number) === (mod as number) ? (mod as number) : (mod as unknown as bigint));
  if (m === 0n) throw valueErr('pow() 3rd argument cannot be 0');
  let b = BigInt(base as any) % m;
  let e = BigInt(exp as any);
  if (e < 0n) throw valueErr('base is not invertible for the given modulus');
  let r = 1n;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return intMod(normBig(r), normBig(m));
});

function binopPow(a: PyValue, b: PyValue): PyValue {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) return intPow(a, b);
  return binop('**', a, b);
}

def('hex', (args) => intText(args[0], 16, '0x'));
def('oct', (args) => intText(args[0], 8, '0o'));
def('bin', (args) => intText(args[0], 2, '0b'));

function intText(v: PyValue, base: number, prefix: string): string {
  const i = typeof v === 'number' || typeof v === 'bigint' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : asIndexStrict(v);
  const neg = i < 0;
  const body = (neg ? -BigInt(i) : BigInt(i)).toString(base);
  return (neg ? '-' : '') + prefix + body;
}

function asIndexStrict(v: PyValue): number {
  const i = v instanceof PyFloat ? undefined : asIndex(v);
  if (i === undefined) throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
  return i;
}

def('chr', (args) => {
  const i = asIndexStrict(args[0]);
  if (i < 0 || i > 0x10ffff) throw valueErr('chr() arg not in range(0x110000)');
  return String.fromCodePoint(i);
});

def('ord', (args) => {
  const s = args[0];
  if (typeof s !== 'string') throw typeErr(`ord() expected string of length 1, but ${typeName(s)} found`);
  const cps = [...s];
  if (cps.length !== 1) throw typeErr(`ord() expected a character, but string of length ${cps.length} found`);
  return cps[0].codePointAt(0)!;
});

// ---------------------------------------------------------------------------------
// iteration

function iter(it: Iterator<PyValue>, name: string): PyIterator {
  return new PyIterator(it, name);
}

function iterName(v: PyValue): string {
  if (v instanceof PyList) return 'list_iterator';
  if (v instanceof PyTuple) return 'tuple_iterator';
  if (typeof v === 'string') return 'str_ascii_iterator';
  if (v instanceof PyRange) return 'range_iterator';
  if (v instanceof PyDict) return 'dict_keyiterator';
  if (v instanceof PySet) return 'set_iterator';
  return 'iterator';
}

def('iter', (args) => {
  const v = args[0];
  if (v instanceof PyIterator) return v;
  return iter(iterate(v), iterName(v));
});

def('next', (args) => {
  const it = args[0];
  if (it instanceof PyIterator) {
    const r = it.it.next();
    if (!r.done) return r.value;
    if (args.length > 1) return args[1];
    throw pyErr('StopIteration');
  }
  if (it instanceof PyInstance) {
    const m = it.cls.lookup('__next__');
    if (m !== undefined) {
      const depth = state.depth;
      try {
        return callValue(m, [it], null);
      } catch (e) {
        restoreDepth(depth);
        if (args.length > 1 && isStopIteration(e)) return args[1];
        throw e;
      }
    }
  }
  throw typeErr(`'${typeName(it)}' object is not an iterator`);
});

def('len', (args, kwargs) => {
  noKwargs('len', kwargs);
  exactArgs('len', args, 1);
  return pyLen(args[0]);
});

def('enumerate', (args, kwargs) => {
  onlyKwargs('enumerate', kwargs, ['start', 'iterable']);
  const src = args[0] ?? kw(kwargs, 'iterable');
  let start: PyValue = args.length > 1 ? args[1] : kw(kwargs, 'start') ?? 0;
  const it = iterate(src);
  return iter(
    (function* () {
      for (let r = it.next(); !r.done; r = it.next()) {
        yield new PyTuple([start, r.value]);
        start = add(start, 1);
      }
    })(),
    'enumerate',
  );
});

def('zip', (args, kwargs) => {
  onlyKwargs('zip', kwargs, ['strict']);
  const strict = truthy(kw(kwargs, 'strict') ?? false);
  const its = args.map(iterate);
  return iter(
    (function* () {
      if (its.length === 0) return;
      for (;;) {
        const row: PyValue[] = [];
        for (let i = 0; i < its.length; i++) {
          const r = its[i].next();
          if (r.done) {
            if (strict && (i > 0 || its.slice(1).some((x) => !x.next().done)))
              throw valueErr(`zip() argument ${i + 1} is shorter than argument${i > 1 ? 's 1-' + i : ' 1'}`);
            return;
          }
          row.push(r.value);
        }
        yield new PyTuple(row);
      }
    })(),
    'zip',
  );
});

def('map', (args) => {
  if (args.length < 2) throw typeErr('map() must have at least two arguments.');
  const fn = args[0];
  const its = args.slice(1).map(iterate);
  return iter(
    (function* () {
      for (;;) {
        const vals: PyValue[] = [];
        for (const it of its) {
          const r = it.next();
          if (r.done) return;
          vals.push(r.value);
        }
        yield callValue(fn, vals, null);
      }
    })(),
    'map',
  );
});

def('filter', (args) => {
  const fn = args[0];
  const it = iterate(args[1]);
  return iter(
    (function* () {
      for (let r = it.next(); !r.done; r = it.next()) {
        if (fn === null ? truthy(r.value) : truthy(callValue(fn, [r.value], null))) yield r.value;
      }
    })(),
    'filter',
  );
});

def('reversed', (args) => {
  const v = args[0];
  if (v instanceof PyList || v instanceof PyTuple) {
    const items = v.items;
    return iter(
      (function* () {
        for (let i = items.length - 1; i >= 0; i--) yield items[i];
      })(),
      v instanceof PyList ? 'list_reverseiterator' : 'reversed',
    );
  }
  if (typeof v === 'string' || v instanceof PyRange) return iter(toArray(v).reverse()[Symbol.iterator](), 'reversed');
  if (v instanceof PyDict || v instanceof PyDictView) return iter(toArray(v).reverse()[Symbol.iterator](), 'dict_reversekeyiterator');
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__reversed__');
    if (m !== undefined) return callValue(m, [v], null);
  }
  const t = slots(v);
  if (t?.len && t.getitem) {
    const n = t.len(v);
    return iter(
      (function* () {
        for (let i = n - 1; i >= 0; i--) yield t.getitem!(v, i);
      })(),
      'reversed',
    );
  }
  throw typeErr(`'${typeName(v)}' object is not reversible`);
});

def('sorted', (args, kwargs) => {
  if (args.length !== 1) throw typeErr(`sorted expected 1 argument, got ${args.length}`);
  onlyKwargs('sorted', kwargs, ['key', 'reverse']);
  return new PyList(sortValues(toArray(args[0]), kw(kwargs, 'key') ?? null, truthy(kw(kwargs, 'reverse') ?? false)));
});

function extreme(name: 'min' | 'max', args: PyValue[], kwargs: Kwargs | null): PyValue {
  onlyKwargs(name, kwargs, ['key', 'default']);
  const key = kw(kwargs, 'key') ?? null;
  const dflt = kw(kwargs, 'default');
  let items: PyValue[];
  if (args.length === 0) throw typeErr(`${name} expected at least 1 argument, got 0`);
  if (args.length === 1) items = toArray(args[0]);
  else {
    if (dflt !== undefined) throw typeErr(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args;
  }
  if (items.length === 0) {
    if (dflt !== undefined) return dflt;
    throw valueErr(`${name}() arg is an empty sequence`);
  }
  const op = name === 'max' ? '>' : '<';
  let best = items[0];
  let bestKey = key === null ? best : callValue(key, [best], null);
  for (let i = 1; i < items.length; i++) {
    const k = key === null ? items[i] : callValue(key, [items[i]], null);
    const better =
      typeof k === 'number' && typeof bestKey === 'number' ? (op === '>' ? k > bestKey : k < bestKey) : truthy(compare(op, k, bestKey));
    if (better) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}
def('min', (a, k) => extreme('min', a, k));
def('max', (a, k) => extreme('max', a, k));

def('sum', (args, kwargs) => {
  onlyKwargs('sum', kwargs, ['start']);
  let acc: PyValue = args.length > 1 ? args[1] : kw(kwargs, 'start') ?? 0;
  if (typeof acc === 'string') throw typeErr("sum() can't sum strings [use ''.join(seq) instead]");
  const it = iterate(args[0]);
  for (let r = it.next(); !r.done; r = it.next()) acc = add(acc, r.value);
  return acc;
});

def('any', (args) => {
  const it = iterate(args[0]);
  for (let r = it.next(); !r.done; r = it.next()) if (truthy(r.value)) return true;
  return false;
});

def('all', (args) => {
  const it = iterate(args[0]);
  for (let r = it.next(); !r.done; r = it.next()) if (!truthy(r.value)) return false;
  return true;
});

// ---------------------------------------------------------------------------------
// objects and types

def('repr', (args) => {
  exactArgs('repr', args, 1);
  return pyRepr(args[0]);
});
def('format', (args) => formatValue(args[0], args.length > 1 ? (args[1] as string) : ''));
def('callable', (args) => {
  const v = args[0];
  if (v instanceof PyInstance) return v.cls.lookup('__call__') !== undefined;
  return (
    typeof v === 'function' ||
    v instanceof PyFunction ||
    v instanceof BuiltinFunction ||
    v instanceof BoundMethod ||
    v instanceof PyClass ||
    slots(v)?.call !== undefined
  );
});

def('isinstance', (args) => {
  exactArgs('isinstance', args, 2);
  const [v, cls] = args;
  if (cls instanceof PyTuple) return cls.items.some((c) => isInstanceOf(v, c));
  if (cls === null || typeof cls !== 'object')
    throw typeErr('isinstance() arg 2 must be a type, a tuple of types, or a union');
  return isInstanceOf(v, cls);
});

def('issubclass', (args) => {
  const [c, cls] = args;
  if (!(c instanceof PyClass)) throw typeErr('issubclass() arg 1 must be a class');
  const test = (x: PyValue) => x instanceof PyClass && c.isSubclassOf(x);
  return cls instanceof PyTuple ? cls.items.some(test) : test(cls);
});

def('hash', (args) => {
  const k = hashKey(args[0]);
  if (typeof k === 'number') return Number.isInteger(k) ? (k === -1 ? -2 : k) : hashFloat(k);
  if (typeof k === 'bigint') return normBig(k % 2305843009213693951n);
  if (typeof k === 'string') return hashString(k);
  if (k === null) return 5863285931;
  return Math.floor(objectId(k as object) / 16);
});

function hashFloat(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 0 : x > 0 ? 314159 : -314159;
  return Math.trunc(x * 2 ** 20) % 2147483647;
}

function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

def('id', (args) => {
  const v = args[0];
  if (v !== null && typeof v === 'object') return objectId(v);
  return 9400000 + (hashString(String(v) + typeof v) >>> 8) * 16;
});

function attrName(v: PyValue): string {
  if (typeof v !== 'string') throw typeErr(`attribute name must be string, not '${typeName(v)}'`);
  return v;
}

def('getattr', (args) => {
  const name = attrName(args[1]);
  const v = lookupAttr(args[0], name);
  if (v !== undefined) return v;
  if (args.length > 2) return args[2];
  return getAttr(args[0], name);
});

def('hasattr', (args) => {
  const name = attrName(args[1]);
  const depth = state.depth;
  try {
    return lookupAttr(args[0], name) !== undefined;
  } catch (e) {
    restoreDepth(depth);
    if (e instanceof Object && (e as any).cls?.name === 'AttributeError') return false;
    throw e;
  }
});

def('vars', (args) => {
  if (args.length !== 1) throw typeErr('vars() without an argument is not supported by gradviz');
  return attributeDict(args[0]);
});

def('setattr', (args) => {
  setAttr(args[0], attrName(args[1]), args[2]);
  return null;
});

def('delattr', (args) => {
  delAttr(args[0], attrName(args[1]));
  return null;
});

def('super', (args) => {
  if (args.length !== 2 || !(args[0] instanceof PyClass)) throw pyErr('RuntimeError', 'super(): no arguments');
  return new PySuper(args[0], args[1]);
});

builtins.set('NotImplemented', NotImplemented);
builtins.set('Ellipsis', ELLIPSIS);
builtins.set('staticmethod', nativeClass('staticmethod', (a) => new PyStaticMethod(a[0])));
builtins.set('classmethod', nativeClass('classmethod', (a) => new PyClassMethod(a[0])));
builtins.set('property', nativeClass('property', (a, k) => new PyProperty(a[0] ?? k?.get('fget') ?? null, a[1] ?? k?.get('fset') ?? null)));

function nativeClass(name: string, construct: HostFunction): PyClass {
  const c = new PyClass(name, [objectClass]);
  c.module = 'builtins';
  c.construct = construct;
  return c;
}

// ---------------------------------------------------------------------------------
// builtin types as constructors

intClass.construct = toInt;
boolClass.construct = (args) => (args.length ? truthy(args[0]) : false);
floatClass.construct = (args, kwargs) => {
  noKwargs('float', kwargs);
  return new PyFloat(args.length ? toFloatValue(args[0]) : 0);
};
strClass.construct = (args, kwargs) => {
  onlyKwargs('str', kwargs, ['object']);
  const v = args.length ? args[0] : kw(kwargs, 'object');
  return v === undefined ? '' : pyStr(v);
};
listClass.construct = (args) => new PyList(args.length ? toArray(args[0]) : []);
tupleClass.construct = (args) => {
  const v = args[0];
  if (v instanceof PyTuple) return v;
  return new PyTuple(args.length ? toArray(v) : []);
};
dictClass.construct = (args, kwargs) => {
  const d = new PyDict();
  dictUpdate(d, args[0], kwargs);
  return d;
};
setClass.construct = (args) => {
  const s = new PySet();
  if (args.length) for (const x of toArray(args[0])) setAdd(s, x);
  return s;
};
frozensetClass.construct = (args) => {
  const s = new PySet(true);
  if (args.length) for (const x of toArray(args[0])) setAdd(s, x);
  return s;
};
rangeClass.construct = (args, kwargs) => {
  noKwargs('range', kwargs);
  if (args.length === 0) throw typeErr('range expected at least 1 argument, got 0');
  if (args.length > 3) throw typeErr(`range expected at most 3 arguments, got ${args.length}`);
  const ints = args.map(asIndexStrict);
  if (ints.some((i) => !Number.isSafeInteger(i))) throw pyErr('OverflowError', 'Python int too large to convert to C ssize_t');
  if (ints.length === 1) return new PyRange(0, ints[0], 1);
  const step = ints.length === 3 ? ints[2] : 1;
  if (step === 0) throw valueErr('range() arg 3 must not be zero');
  return new PyRange(ints[0], ints[1], step);
};
sliceClass.construct = (args) => {
  if (args.length === 1) return new PySlice(null, args[0], null);
  return new PySlice(args[0], args[1], args.length > 2 ? args[2] : null);
};
objectClass.construct = (args) => {
  if (args.length) throw typeErr('object() takes no arguments');
  return new PyInstance(objectClass);
};
typeClass.construct = (args) => {
  if (args.length === 1) return classOf(args[0]);
  throw typeErr('type() with 3 arguments is not supported by this interpreter');
};

for (const c of [intClass, boolClass, floatClass, strClass, listClass, tupleClass, dictClass, setClass, frozensetClass, rangeClass, sliceClass, objectClass, typeClass])
  builtins.set(c.name, c);
for (const [name, c] of exceptionClasses) builtins.set(name, c);

classMethodsOfDict.fromkeys = new BuiltinFunction('fromkeys', (args) => fromkeys(args));
