/**
 * Operators and protocols on any value: truth, equality, ordering, arithmetic, hashing
 * (dict keys), len, iteration. Primitives have fast paths; every other object goes
 * through its PyType slots (host objects) or its class's dunder methods (user classes).
 */
import { callValue, restoreDepth } from './call.js';
import { fatalErr, pyErr, typeErr } from './exceptions.js';
import { percentFormat } from './format.js';
import {
  floatDivmod,
  floatFloorDiv,
  floatMod,
  floatPow,
  intAdd,
  intBitop,
  intFloorDiv,
  intMod,
  intMul,
  intPow,
  intShift,
  intSub,
  intToFloat,
  intTrueDiv,
  type Int,
} from './numbers.js';
import { PyClass, PyDict, PyExc, PyInstance, PyIterator, PyRange, PySet } from './objects.js';
import { state } from './state.js';
import { pyRepr, pyStr } from './text.js';
import { typeName } from './types.js';
import {
  NotImplemented,
  PY_TYPE,
  PyFloat,
  PyList,
  PyTuple,
  type BinOp,
  type CmpOp,
  type PyType,
  type PyValue,
} from './values.js';

export const slots = (v: PyValue): PyType | undefined =>
  v !== null && typeof v === 'object' ? (v as any)[PY_TYPE] : undefined;

// ---------------------------------------------------------------------------------
// truth

export function truthy(v: PyValue): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
    case 'string':
      return v.length > 0;
    case 'bigint':
      return true;
  }
  if (v === null) return false;
  if (v instanceof PyFloat) return v.v !== 0;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict || v instanceof PySet) return v.map.size > 0;
  if (v instanceof PyRange) return v.length > 0;
  if (v instanceof PyInstance) {
    const b = v.cls.lookup('__bool__');
    if (b !== undefined) {
      const r = callValue(b, [v], null);
      if (typeof r !== 'boolean') throw typeErr(`__bool__ should return bool, returned ${typeName(r)}`);
      return r;
    }
    const l = v.cls.lookup('__len__');
    if (l !== undefined) return truthy(callValue(l, [v], null));
    return true;
  }
  const t = slots(v);
  if (t?.bool) return t.bool(v);
  if (t?.len) return t.len(v) > 0;
  return true;
}

// ---------------------------------------------------------------------------------
// numbers

/** 0: int (incl. bool), 1: float, -1: not a number. */
function numKind(v: PyValue): number {
  const t = typeof v;
  if (t === 'number' || t === 'bigint' || t === 'boolean') return 0;
  if (v instanceof PyFloat) return 1;
  return -1;
}

const asInt = (v: PyValue): Int => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as Int));
const asFloat = (v: PyValue): number =>
  v instanceof PyFloat ? v.v : typeof v === 'boolean' ? (v ? 1 : 0) : intToFloat(v as Int);

function numBinop(op: BinOp, a: PyValue, b: PyValue, isFloat: boolean): PyValue {
  if (!isFloat) {
    const x = asInt(a);
    const y = asInt(b);
    switch (op) {
      case '+':
        return intAdd(x, y);
      case '-':
        return intSub(x, y);
      case '*':
        return intMul(x, y);
      case '/':
        return new PyFloat(intTrueDiv(x, y));
      case '//':
        return intFloorDiv(x, y);
      case '%':
        return intMod(x, y);
      case '**':
        return intPow(x, y);
      case '<<':
        return intShift(x, y, true);
      case '>>':
        return intShift(x, y, false);
      case '&':
      case '|':
      case '^':
        if (typeof a === 'boolean' && typeof b === 'boolean') {
          return op === '&' ? a && b : op === '|' ? a || b : a !== b;
        }
        return intBitop(x, y, op);
      case '@':
        return NotImplemented;
    }
  }
  const x = asFloat(a);
  const y = asFloat(b);
  switch (op) {
    case '+':
      return new PyFloat(x + y);
    case '-':
      return new PyFloat(x - y);
    case '*':
      return new PyFloat(x * y);
    case '/':
      if (y === 0) throw pyErr('ZeroDivisionError', 'float division by zero');
      return new PyFloat(x / y);
    case '//':
      return new PyFloat(floatFloorDiv(x, y));
    case '%':
      return new PyFloat(floatMod(x, y));
    case '**':
      return new PyFloat(floatPow(x, y));
  }
  return NotImplemented;
}

export function divmod(a: PyValue, b: PyValue): PyValue {
  const ka = numKind(a);
  const kb = numKind(b);
  if (ka < 0 || kb < 0) {
    const r = objectBinop('divmod' as BinOp, a, b);
    if (r !== NotImplemented) return r;
    throw typeErr(`unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`);
  }
  if (ka === 0 && kb === 0) {
    const x = asInt(a);
    const y = asInt(b);
    return new PyTuple([intFloorDiv(x, y), intMod(x, y, 'integer division or modulo by zero')]);
  }
  const [d, m] = floatDivmod(asFloat(a), asFloat(b));
  return new PyTuple([new PyFloat(d), new PyFloat(m)]);
}

// ---------------------------------------------------------------------------------
// binary operators

const DUNDER: Record<string, [string, string, string]> = {
  '+': ['__add__', '__radd__', '__iadd__'],
  '-': ['__sub__', '__rsub__', '__isub__'],
  '*': ['__mul__', '__rmul__', '__imul__'],
  '/': ['__truediv__', '__rtruediv__', '__itruediv__'],
  '//': ['__floordiv__', '__rfloordiv__', '__ifloordiv__'],
  '%': ['__mod__', '__rmod__', '__imod__'],
  '**': ['__pow__', '__rpow__', '__ipow__'],
  '@': ['__matmul__', '__rmatmul__', '__imatmul__'],
  '&': ['__and__', '__rand__', '__iand__'],
  '|': ['__or__', '__ror__', '__ior__'],
  '^': ['__xor__', '__rxor__', '__ixor__'],
  '<<': ['__lshift__', '__rlshift__', '__ilshift__'],
  '>>': ['__rshift__', '__rrshift__', '__irshift__'],
  divmod: ['__divmod__', '__rdivmod__', '__idivmod__'],
};

function userBinop(self: PyInstance, op: BinOp, other: PyValue, reflected: boolean): PyValue {
  const m = self.cls.lookup(DUNDER[op][reflected ? 1 : 0]);
  if (m === undefined) return NotImplemented;
  return callValue(m, [self, other], null);
}

function objectBinop(op: BinOp, a: PyValue, b: PyValue): PyValue {
  let r: PyValue = NotImplemented;
  if (a instanceof PyInstance) r = userBinop(a, op, b, false);
  else {
    const ta = slots(a);
    if (ta?.binop) r = ta.binop(a, op, b, false);
  }
  if (r !== NotImplemented) return r;
  if (b instanceof PyInstance) r = userBinop(b, op, a, true);
  else {
    const tb = slots(b);
    if (tb?.binop) r = tb.binop(b, op, a, true);
  }
  return r;
}

function unsupported(op: BinOp, a: PyValue, b: PyValue, augmented = false): PyExc {
  const sym = augmented ? `${op}=` : op === '**' ? '** or pow()' : op;
  return typeErr(`unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

function repeatCount(n: PyValue, seq: PyValue): number | undefined {
  if (typeof n === 'number') return n;
  if (typeof n === 'boolean') return n ? 1 : 0;
  if (typeof n === 'bigint') {
    if (n <= 0n) return 0;
    throw pyErr('OverflowError', `cannot fit 'int' into an index-sized integer`);
  }
  const t = slots(n);
  if (t?.index && !(n instanceof PyInstance)) return Number(t.index(n));
  void seq;
  return undefined;
}

function checkSize(total: number): void {
  if (total > state.limits.maxSequence)
    throw fatalErr('MemoryError', `sequence of ${total} elements exceeds the limit of ${state.limits.maxSequence}`);
}

function repeatSeq(seq: PyValue, n: number): PyValue {
  if (n < 0) n = 0;
  if (typeof seq === 'string') {
    checkSize(seq.length * n);
    return seq.repeat(n);
  }
  const items = (seq as PyList | PyTuple).items;
  checkSize(items.length * n);
  const out: PyValue[] = new Array(items.length * n);
  for (let r = 0, k = 0; r < n; r++) for (let i = 0; i < items.length; i++) out[k++] = items[i];
  return seq instanceof PyList ? new PyList(out) : new PyTuple(out);
}

const isSeq = (v: PyValue) => typeof v === 'string' || v instanceof PyList || v instanceof PyTuple;

function sequenceBinop(op: BinOp, a: PyValue, b: PyValue): PyValue {
  if (op === '+') {
    if (typeof a === 'string') {
      if (typeof b === 'string') return a + b;
      throw typeErr(`can only concatenate str (not "${typeName(b)}") to str`);
    }
    if (a instanceof PyList) {
      if (b instanceof PyList) return new PyList(a.items.concat(b.items));
      throw typeErr(`can only concatenate list (not "${typeName(b)}") to list`);
    }
    if (a instanceof PyTuple) {
      if (b instanceof PyTuple) return new PyTuple(a.items.concat(b.items));
      throw typeErr(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
    }
  } else if (op === '*') {
    if (isSeq(a)) {
      const n = repeatCount(b, a);
      if (n === undefined) throw typeErr(`can't multiply sequence by non-int of type '${typeName(b)}'`);
      return repeatSeq(a, n);
    }
    if (isSeq(b)) {
      const n = repeatCount(a, b);
      if (n === undefined) throw typeErr(`can't multiply sequence by non-int of type '${typeName(a)}'`);
      return repeatSeq(b, n);
    }
  } else if (op === '%' && typeof a === 'string') {
    if (b instanceof PyDict) return percentFormat(a, [b], pyStr, pyRepr, (k) => dictGetOrKeyError(b, k));
    return percentFormat(a, b instanceof PyTuple ? b.items : [b], pyStr, pyRepr);
  } else if (a instanceof PySet && b instanceof PySet) {
    return setOp(op, a, b);
  } else if (op === '|' && a instanceof PyDict && b instanceof PyDict) {
    const d = new PyDict();
    for (const [k, e] of a.map) d.map.set(k, { k: e.k, v: e.v });
    for (const [k, e] of b.map) {
      const old = d.map.get(k);
      if (old) old.v = e.v;
      else d.map.set(k, { k: e.k, v: e.v });
    }
    return d;
  }
  return NotImplemented;
}

function setOp(op: BinOp, a: PySet, b: PySet): PyValue {
  const out = new PySet(a.frozen);
  if (op === '|') {
    for (const [k, v] of a.map) out.map.set(k, v);
    for (const [k, v] of b.map) if (!out.map.has(k)) out.map.set(k, v);
  } else if (op === '&') {
    for (const [k, v] of a.map) if (b.map.has(k)) out.map.set(k, v);
  } else if (op === '-') {
    for (const [k, v] of a.map) if (!b.map.has(k)) out.map.set(k, v);
  } else if (op === '^') {
    for (const [k, v] of a.map) if (!b.map.has(k)) out.map.set(k, v);
    for (const [k, v] of b.map) if (!a.map.has(k)) out.map.set(k, v);
  } else return NotImplemented;
  return out;
}

function dictGetOrKeyError(d: PyDict, key: PyValue): PyValue {
  const e = d.map.get(hashKey(key));
  if (!e) throw keyError(key);
  return e.v;
}

export function keyError(key: PyValue): PyExc {
  const e = pyErr('KeyError');
  e.args = [key];
  return e;
}

/** `a op b`; `augmented` only changes the error text (`+=` for `x += y`). */
export function binop(op: BinOp, a: PyValue, b: PyValue, augmented = false): PyValue {
  const ka = numKind(a);
  if (ka >= 0) {
    const kb = numKind(b);
    if (kb >= 0) {
      const r = numBinop(op, a, b, (ka | kb) === 1);
      if (r !== NotImplemented) return r;
      throw unsupported(op, a, b, augmented);
    }
  }
  if (typeof a === 'string' && typeof b === 'string' && op === '+') return a + b;
  let r = objectBinop(op, a, b);
  if (r !== NotImplemented) return r;
  r = sequenceBinop(op, a, b);
  if (r !== NotImplemented) return r;
  throw unsupported(op, a, b, augmented);
}

/** Fast paths for the hottest operators; everything else goes to binop. */
export function add(a: PyValue, b: PyValue): PyValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  } else if (a instanceof PyFloat) {
    if (b instanceof PyFloat) return new PyFloat(a.v + b.v);
    if (typeof b === 'number') return new PyFloat(a.v + b);
  } else if (b instanceof PyFloat && typeof a === 'number') return new PyFloat(a + b.v);
  return binop('+', a, b);
}

export function sub(a: PyValue, b: PyValue): PyValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  } else if (a instanceof PyFloat) {
    if (b instanceof PyFloat) return new PyFloat(a.v - b.v);
    if (typeof b === 'number') return new PyFloat(a.v - b);
  } else if (b instanceof PyFloat && typeof a === 'number') return new PyFloat(a - b.v);
  return binop('-', a, b);
}

export function mul(a: PyValue, b: PyValue): PyValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  } else if (a instanceof PyFloat) {
    if (b instanceof PyFloat) return new PyFloat(a.v * b.v);
    if (typeof b === 'number') return new PyFloat(a.v * b);
  } else if (b instanceof PyFloat && typeof a === 'number') return new PyFloat(a * b.v);
  return binop('*', a, b);
}

/** `a op= b`: the inplace slot (host), __iop__ (user), list +=/*= in place, else binop. */
export function inplace(op: BinOp, a: PyValue, b: PyValue): PyValue {
  if (typeof a === 'number' || typeof a === 'string' || a instanceof PyFloat) return binop(op, a, b, true);
  if (a instanceof PyList) {
    if (op === '+') {
      const items = b instanceof PyList || b instanceof PyTuple ? b.items : toArray(b);
      for (let i = 0, n = items.length; i < n; i++) a.items.push(items[i]);
      return a;
    }
    if (op === '*') {
      const n = repeatCount(b, a);
      if (n === undefined) throw typeErr(`can't multiply sequence by non-int of type '${typeName(b)}'`);
      const r = repeatSeq(a, n) as PyList;
      a.items = r.items;
      return a;
    }
  } else if (a instanceof PyInstance) {
    const m = a.cls.lookup(DUNDER[op][2]);
    if (m !== undefined) {
      const r = callValue(m, [a, b], null);
      if (r !== NotImplemented) return r;
    }
  } else if (a instanceof PySet && b instanceof PySet && op !== '+') {
    const r = setOp(op, a, b) as PySet;
    a.map.clear();
    for (const [k, v] of r.map) a.map.set(k, v);
    return a;
  } else if (a instanceof PyDict && op === '|' && b instanceof PyDict) {
    for (const [k, e] of b.map) {
      const old = a.map.get(k);
      if (old) old.v = e.v;
      else a.map.set(k, { k: e.k, v: e.v });
    }
    return a;
  } else {
    const t = slots(a);
    if (t?.inplace) {
      const r = t.inplace(a, op, b);
      if (r !== NotImplemented) return r;
    }
  }
  return binop(op, a, b, true);
}

// ---------------------------------------------------------------------------------
// unary

const UNARY_DUNDER = { '-': '__neg__', '+': '__pos__', '~': '__invert__', abs: '__abs__' } as const;

export function unary(op: '-' | '+' | '~' | 'abs', v: PyValue): PyValue {
  if (typeof v === 'number') {
    if (op === '-') return v === 0 ? 0 : -v;
    if (op === '+') return v;
    if (op === 'abs') return Math.abs(v);
    return intSub(-v, 1);
  }
  if (v instanceof PyFloat) {
    if (op === '-') return new PyFloat(-v.v);
    if (op === '+') return v;
    if (op === 'abs') return new PyFloat(Math.abs(v.v));
  } else if (typeof v === 'bigint') {
    if (op === '-') return intSub(0, v);
    if (op === '+') return v;
    if (op === 'abs') return v < 0n ? intSub(0, v) : v;
    return intSub(intSub(0, v), 1);
  } else if (typeof v === 'boolean') {
    return unary(op, v ? 1 : 0);
  } else if (v instanceof PyInstance) {
    const m = v.cls.lookup(UNARY_DUNDER[op]);
    if (m !== undefined) return callValue(m, [v], null);
  } else {
    const t = slots(v);
    if (t?.unary) return t.unary(v, op);
  }
  if (op === 'abs') throw typeErr(`bad operand type for abs(): '${typeName(v)}'`);
  throw typeErr(`bad operand type for unary ${op}: '${typeName(v)}'`);
}

// ---------------------------------------------------------------------------------
// comparison

const REFLECT: Record<CmpOp, CmpOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };
const CMP_DUNDER: Record<CmpOp, string> = {
  '<': '__lt__',
  '<=': '__le__',
  '>': '__gt__',
  '>=': '__ge__',
  '==': '__eq__',
  '!=': '__ne__',
};

function numCompare(op: CmpOp, a: PyValue, b: PyValue): boolean {
  let x: number | bigint = a instanceof PyFloat ? a.v : asInt(a);
  let y: number | bigint = b instanceof PyFloat ? b.v : asInt(b);
  if (typeof x !== typeof y) {
    // int (bigint) vs float: compare exactly where the float is integral.
    if (typeof x === 'bigint') {
      const f = y as number;
      if (Number.isInteger(f)) y = BigInt(f);
      else x = Number(x);
    } else {
      const f = x as number;
      if (Number.isInteger(f)) x = BigInt(f);
      else y = Number(y);
    }
  }
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
      return x == y;
    case '!=':
      return x != y;
  }
}

function seqCompare(op: CmpOp, a: readonly PyValue[], b: readonly PyValue[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (!pyEq(a[i], b[i])) {
      if (op === '==') return false;
      if (op === '!=') return true;
      return truthy(compare(op, a[i], b[i]));
    }
  }
  switch (op) {
    case '<':
      return a.length < b.length;
    case '<=':
      return a.length <= b.length;
    case '>':
      return a.length > b.length;
    case '>=':
      return a.length >= b.length;
    case '==':
      return a.length === b.length;
    case '!=':
      return a.length !== b.length;
  }
}

function objectCompare(op: CmpOp, a: PyValue, b: PyValue): PyValue {
  let r: PyValue = NotImplemented;
  if (a instanceof PyInstance) {
    const m = a.cls.lookup(CMP_DUNDER[op]);
    if (m !== undefined) r = callValue(m, [a, b], null);
  } else {
    const t = slots(a);
    if (t?.compare) r = t.compare(a, op, b);
  }
  if (r !== NotImplemented) return r;
  const rop = REFLECT[op];
  if (b instanceof PyInstance) {
    const m = b.cls.lookup(CMP_DUNDER[rop]);
    if (m !== undefined) r = callValue(m, [b, a], null);
  } else {
    const t = slots(b);
    if (t?.compare) r = t.compare(b, rop, a);
  }
  return r;
}

/** `a op b` as Python evaluates it (may return a non-bool, e.g. a tensor). */
export function compare(op: CmpOp, a: PyValue, b: PyValue): PyValue {
  const ka = numKind(a);
  const kb = numKind(b);
  if (ka >= 0 && kb >= 0) return numCompare(op, a, b);
  if (typeof a === 'string' && typeof b === 'string') {
    switch (op) {
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
      case '==':
        return a === b;
      case '!=':
        return a !== b;
    }
  }
  const r = objectCompare(op, a, b);
  if (r !== NotImplemented) return r;
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple))
    return seqCompare(op, a.items, b.items);
  if (op === '==') return pyEq(a, b);
  if (op === '!=') return !pyEq(a, b);
  if (a instanceof PySet && b instanceof PySet) {
    const sub = (x: PySet, y: PySet) => [...x.map.keys()].every((k) => y.map.has(k));
    if (op === '<=') return sub(a, b);
    if (op === '>=') return sub(b, a);
    if (op === '<') return a.map.size < b.map.size && sub(a, b);
    return a.map.size > b.map.size && sub(b, a);
  }
  throw typeErr(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** Python `==` as a JS boolean (containers, dict keys, `in`, list.index, ...). */
export function pyEq(a: PyValue, b: PyValue): boolean {
  if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.v));
  const ka = numKind(a);
  const kb = numKind(b);
  if (ka >= 0 || kb >= 0) {
    if (ka >= 0 && kb >= 0) return numCompare('==', a, b);
    if (ka >= 0 && (typeof b === 'string' || b === null)) return false;
  }
  if (typeof a === 'string' || typeof b === 'string') return false;
  if (a === null || b === null) return false;
  if (a instanceof PyList && b instanceof PyList) return seqCompare('==', a.items, b.items);
  if (a instanceof PyTuple && b instanceof PyTuple) return seqCompare('==', a.items, b.items);
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.map.size !== b.map.size) return false;
    for (const [k, e] of a.map) {
      const o = b.map.get(k);
      if (!o || !pyEq(e.v, o.v)) return false;
    }
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) {
    if (a.map.size !== b.map.size) return false;
    for (const k of a.map.keys()) if (!b.map.has(k)) return false;
    return true;
  }
  if (a instanceof PyRange && b instanceof PyRange)
    return a.length === b.length && (a.length === 0 || (a.start === b.start && (a.length === 1 || a.step === b.step)));
  const r = objectCompare('==', a, b);
  if (r !== NotImplemented) return truthy(r);
  return false;
}

// ---------------------------------------------------------------------------------
// hashing: dict keys and set members

const TUPLE_TAG = '\u{10FFFF}t';

/** The JS Map key of a Python value: equal Python keys (1, 1.0, True) give the same key. */
export function hashKey(v: PyValue): unknown {
  switch (typeof v) {
    case 'string':
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'bigint':
      return v;
  }
  if (v === null) return null;
  if (v instanceof PyFloat) {
    const x = v.v;
    if (Number.isInteger(x) && !Number.isSafeInteger(x)) return BigInt(x);
    return x;
  }
  if (v instanceof PyTuple) {
    let s = TUPLE_TAG;
    for (const item of v.items) {
      const k = hashKey(item);
      s += typeof k === 'string' ? 's' + k.length + ':' + k : typeof k === 'object' && k !== null ? 'o' + objKey(k) : String(k);
      s += ',';
    }
    return s;
  }
  if (v instanceof PyList || v instanceof PyDict || (v instanceof PySet && !v.frozen))
    throw typeErr(`unhashable type: '${typeName(v)}'`);
  if (v instanceof PySet) return TUPLE_TAG + 'f' + [...v.map.keys()].map(String).sort().join(',');
  if (v instanceof PyInstance) {
    const h = v.cls.lookup('__hash__');
    if (h === null) throw typeErr(`unhashable type: '${typeName(v)}'`);
    if (h !== undefined) return TUPLE_TAG + 'h' + String(callValue(h, [v], null));
    return v;
  }
  const t = slots(v);
  if (t?.hash) return t.hash(v);
  return v;
}

let objKeys = new WeakMap<object, number>();
let nextObjKey = 1;
function objKey(o: object): number {
  let k = objKeys.get(o);
  if (k === undefined) {
    k = nextObjKey++;
    objKeys.set(o, k);
  }
  return k;
}
export function resetObjKeys(): void {
  objKeys = new WeakMap();
}

// ---------------------------------------------------------------------------------
// len, in, iteration

export function pyLen(v: PyValue): number {
  if (typeof v === 'string') return v.length;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict || v instanceof PySet) return v.map.size;
  if (v instanceof PyRange) return v.length;
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__len__');
    if (m !== undefined) return Number(callValue(m, [v], null));
  } else {
    const t = slots(v);
    if (t?.len) return t.len(v);
  }
  throw typeErr(`object of type '${typeName(v)}' has no len()`);
}

export function contains(container: PyValue, item: PyValue): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw typeErr(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    const items = container.items;
    for (let i = 0; i < items.length; i++) if (pyEq(items[i], item)) return true;
    return false;
  }
  if (container instanceof PyDict || container instanceof PySet) return container.map.has(hashKey(item));
  if (container instanceof PyRange) {
    if (typeof item !== 'number' || !Number.isInteger(item)) return toArray(container).some((x) => pyEq(x, item));
    const { start, step } = container;
    const k = (item - start) / step;
    return Number.isInteger(k) && k >= 0 && k < container.length;
  }
  if (container instanceof PyInstance) {
    const m = container.cls.lookup('__contains__');
    if (m !== undefined) return truthy(callValue(m, [container, item], null));
  } else {
    const t = slots(container);
    if (t?.contains) return t.contains(container, item);
  }
  const it = iterate(container);
  for (let r = it.next(); !r.done; r = it.next()) if (pyEq(r.value, item)) return true;
  return false;
}

function* listIter(list: PyList): Iterator<PyValue> {
  // Index-based over the live list: appends during the loop are seen, as in Python.
  for (let i = 0; i < list.items.length; i++) yield list.items[i];
}

function* rangeIter(r: PyRange): Iterator<PyValue> {
  for (let i = 0, v = r.start; i < r.length; i++, v += r.step) yield v;
}

function* dictKeys(d: PyDict): Iterator<PyValue> {
  const size = d.map.size;
  for (const e of d.map.values()) {
    yield e.k;
    if (d.map.size !== size) throw pyErr('RuntimeError', 'dictionary changed size during iteration');
  }
}

function* userIter(it: PyValue): Iterator<PyValue> {
  const next = (it as PyInstance).cls?.lookup('__next__');
  if (next === undefined) throw typeErr(`iter() returned non-iterator of type '${typeName(it)}'`);
  for (;;) {
    let v: PyValue;
    const depth = state.depth;
    try {
      v = callValue(next, [it], null);
    } catch (e) {
      restoreDepth(depth);
      if (e instanceof PyExc && e.cls.name === 'StopIteration') return;
      throw e;
    }
    yield v;
  }
}

/** A JS iterator over any Python iterable. */
export function iterate(v: PyValue): Iterator<PyValue> {
  if (v instanceof PyList) return listIter(v);
  if (v instanceof PyTuple) return v.items[Symbol.iterator]();
  if (typeof v === 'string') return v[Symbol.iterator]();
  if (v instanceof PyRange) return rangeIter(v);
  if (v instanceof PyIterator) return v.it;
  if (v instanceof PyDict) return dictKeys(v);
  if (v instanceof PySet) return [...v.map.values()][Symbol.iterator]();
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__iter__');
    if (m !== undefined) {
      const it = callValue(m, [v], null);
      if (it instanceof PyIterator) return it.it;
      return userIter(it);
    }
    const gi = v.cls.lookup('__getitem__');
    if (gi !== undefined) return getitemIter(v, gi);
  } else if (!(v instanceof PyClass)) {
    const t = slots(v);
    if (t?.iter) return t.iter(v);
  }
  throw typeErr(`'${typeName(v)}' object is not iterable`);
}

function* getitemIter(v: PyValue, gi: PyValue): Iterator<PyValue> {
  for (let i = 0; ; i++) {
    let x: PyValue;
    const depth = state.depth;
    try {
      x = callValue(gi, [v, i], null);
    } catch (e) {
      restoreDepth(depth);
      if (e instanceof PyExc && (e.cls.name === 'IndexError' || e.cls.name === 'StopIteration')) return;
      throw e;
    }
    yield x;
  }
}

/** All items of an iterable as a fresh JS array. */
export function toArray(v: PyValue): PyValue[] {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.slice();
  const out: PyValue[] = [];
  const it = iterate(v);
  for (let r = it.next(); !r.done; r = it.next()) {
    out.push(r.value);
    if (out.length > state.limits.maxSequence) checkSize(out.length);
  }
  return out;
}
