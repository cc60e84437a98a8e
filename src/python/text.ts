/**
 * str() and repr() of every value, as CPython 3.11 prints them.
 */
import { callValue } from './call.js';
import { pyErr } from './exceptions.js';
import { floatRepr } from './format.js';
import {
  BoundMethod,
  BuiltinFunction,
  PyClass,
  PyClassMethod,
  PyDict,
  PyExc,
  PyFunction,
  PyInstance,
  PyIterator,
  PyModule,
  PyProperty,
  PyRange,
  PySet,
  PySlice,
  PyStaticMethod,
  PySuper,
} from './objects.js';
import { typeName } from './types.js';
import { PY_TYPE, PyFloat, PyList, PyTuple, type PyType, type PyValue } from './values.js';

/** sys.get_int_max_str_digits() of CPython 3.11. */
export const MAX_STR_DIGITS = 4300;

export function intStr(v: number | bigint): string {
  if (typeof v === 'number') return String(v);
  const s = v.toString();
  if (s.length - (v < 0n ? 1 : 0) > MAX_STR_DIGITS)
    throw pyErr(
      'ValueError',
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
    );
  return s;
}

const ids = new WeakMap<object, number>();
let nextId = 0x7f3a2c001000;
/** A stable fake address per object (id(), default reprs). */
export function objectId(v: object): number {
  let id = ids.get(v);
  if (id === undefined) {
    id = nextId;
    nextId += 0x30;
    ids.set(v, id);
  }
  return id;
}
const addr = (v: object) => '0x' + objectId(v).toString(16).padStart(12, '0');

export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (c === quote || c === '\\') out += '\\' + c;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code >= 0x80 && code < 0xa0) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += c;
  }
  return out + quote;
}

/** Containers being printed, to print `[...]` for a list that contains itself. */
const printing = new Set<object>();

function seqRepr(items: readonly PyValue[], open: string, close: string, self: object): string {
  if (printing.has(self)) return open + '...' + close;
  printing.add(self);
  try {
    let s = open;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) s += ', ';
      s += pyRepr(items[i]);
    }
    return s + close;
  } finally {
    printing.delete(self);
  }
}

function userDunder(v: PyInstance, name: string): string | undefined {
  const m = v.cls.lookup(name);
  if (m === undefined) return undefined;
  const r = callValue(m, [v], null);
  if (typeof r !== 'string') throw pyErr('TypeError', `${name} returned non-string (type ${typeName(r)})`);
  return r;
}

export function excStr(e: PyExc): string {
  const args = e.args;
  if (args.length === 0) return '';
  if (args.length === 1) {
    // KeyError shows the missing key as its repr.
    return e.cls.name === 'KeyError' || e.cls.mro.some((c) => c.name === 'KeyError' && c.module === 'builtins')
      ? pyRepr(args[0])
      : pyStr(args[0]);
  }
  return pyRepr(new PyTuple(args));
}

export function pyStr(v: PyValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (typeof v === 'number') return String(v);
  if (v instanceof PyInstance) {
    const s = userDunder(v, '__str__');
    if (s !== undefined) return s;
    if (v instanceof PyExc) return excStr(v);
    return pyRepr(v);
  }
  const t: PyType | undefined = (v as any)?.[PY_TYPE];
  if (t?.str) return t.str(v);
  return pyRepr(v);
}

export function pyRepr(v: PyValue): string {
  switch (typeof v) {
    case 'string':
      return strRepr(v);
    case 'number':
      return String(v);
    case 'bigint':
      return intStr(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'function':
      return `<built-in function ${v.name}>`;
    case 'undefined':
      return '<NULL>';
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (v instanceof PyList) return seqRepr(v.items, '[', ']', v);
  if (v instanceof PyTuple) return v.items.length === 1 ? '(' + pyRepr(v.items[0]) + ',)' : seqRepr(v.items, '(', ')', v);
  if (v instanceof PyDict) {
    if (printing.has(v)) return '{...}';
    printing.add(v);
    try {
      const parts: string[] = [];
      for (const e of v.map.values()) parts.push(pyRepr(e.k) + ': ' + pyRepr(e.v));
      return '{' + parts.join(', ') + '}';
    } finally {
      printing.delete(v);
    }
  }
  if (v instanceof PySet) {
    const name = v.frozen ? 'frozenset' : 'set';
    if (v.map.size === 0) return name + '()';
    const inner = seqRepr([...v.map.values()], '{', '}', v);
    return v.frozen ? `frozenset(${inner})` : inner;
  }
  if (v instanceof PyInstance) {
    const s = userDunder(v, '__repr__');
    if (s !== undefined) return s;
    if (v instanceof PyExc) {
      const args = v.args.length === 1 ? '(' + pyRepr(v.args[0]) + ')' : pyRepr(new PyTuple(v.args));
      return v.cls.name + args;
    }
    return `<${v.cls.module}.${v.cls.qualname} object at ${addr(v)}>`;
  }
  if (v instanceof PyRange)
    return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  if (v instanceof PySlice) return `slice(${pyRepr(v.start)}, ${pyRepr(v.stop)}, ${pyRepr(v.step)})`;
  if (v instanceof PyClass) return `<class '${v.module === 'builtins' ? '' : v.module + '.'}${v.qualname}'>`;
  if (v instanceof PyFunction) return `<function ${v.qualname} at ${addr(v)}>`;
  if (v instanceof BuiltinFunction) {
    if (v.self !== undefined) return `<built-in method ${v.name} of ${typeName(v.self)} object at ${addr(v.self as object)}>`;
    return `<built-in function ${v.name}>`;
  }
  if (v instanceof BoundMethod) {
    const fn = v.fn;
    const name = fn instanceof PyFunction ? fn.qualname : pyRepr(fn);
    return `<bound method ${name} of ${pyRepr(v.self)}>`;
  }
  if (v instanceof PyModule) return `<module '${v.name}' (built-in)>`;
  if (v instanceof PyIterator) return `<${v.typeName} object ${v.name === null ? '' : v.name + ' '}at ${addr(v)}>`;
  if (v instanceof PySuper) return `<super: <class '${v.cls.name}'>, <${typeName(v.self)} object>>`;
  if (v instanceof PyStaticMethod) return `<staticmethod(${pyRepr(v.fn)})>`;
  if (v instanceof PyClassMethod) return `<classmethod(${pyRepr(v.fn)})>`;
  if (v instanceof PyProperty) return `<property object at ${addr(v)}>`;
  if (typeof v === 'symbol') return 'NotImplemented';
  const t: PyType | undefined = (v as any)?.[PY_TYPE];
  if (t?.repr) return t.repr(v);
  if (t?.str) return t.str(v);
  return `<${t ? (t.module ? t.module + '.' : '') + t.name : 'object'} object at ${addr(v as object)}>`;
}
