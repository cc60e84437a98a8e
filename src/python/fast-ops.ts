/**
 * Hot-path helpers for compiled code. Each is a small static function so that V8
 * inlines it into the closures that call it (all closures made at one site of the
 * compiler share their optimized code, so a call to a *fixed* function stays cheap
 * while calls to child closures do not). Only the int/float cases live here; anything
 * else falls through to ops.ts, which defines the semantics.
 */
import { pyErr } from './exceptions.js';
import { intFloorDiv, intMod } from './numbers.js';
import type { Cell } from './objects.js';
import { binop, compare } from './ops.js';
import { PyFloat, type PyValue } from './values.js';

type Ev = (f: PyValue[]) => PyValue;

export function unboundLocal(name: string): never {
  throw pyErr('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
}

/** A local slot's value, or UnboundLocalError. */
export function local(f: PyValue[], i: number, name: string): PyValue {
  const v = f[i];
  if (v === undefined) unboundLocal(name);
  return v;
}

/** A global's value, else the builtin of that name (captured at compile time), else NameError. */
export function globalValue(cell: Cell, builtin: PyValue | undefined, name: string): PyValue {
  const v = cell.v;
  if (v !== undefined) return v;
  if (builtin !== undefined) return builtin;
  throw pyErr('NameError', `name '${name}' is not defined`);
}

/**
 * An operand of a fused closure: a local's slot (slot >= 0), a literal (ev === null) or
 * any other expression's closure — so reading a local or a literal costs no call.
 */
export function read(f: PyValue[], slot: number, lit: PyValue, ev: Ev | null, name: string): PyValue {
  if (slot >= 0) return local(f, slot, name);
  return ev === null ? lit : ev(f);
}

export function isNum(v: PyValue): boolean {
  return typeof v === 'number' || v instanceof PyFloat;
}

export function mod(x: PyValue, y: PyValue): PyValue {
  if (typeof x === 'number' && typeof y === 'number' && y !== 0) return intMod(x, y);
  return binop('%', x, y);
}

export function floorDiv(x: PyValue, y: PyValue): PyValue {
  if (typeof x === 'number' && typeof y === 'number' && y !== 0) return intFloorDiv(x, y);
  return binop('//', x, y);
}

export function trueDiv(x: PyValue, y: PyValue): PyValue {
  // Safe ints are exact doubles, so JS division rounds as CPython's int / int does.
  if (typeof x === 'number') {
    if (typeof y === 'number' && y !== 0) return new PyFloat(x / y);
  } else if (x instanceof PyFloat) {
    if (y instanceof PyFloat) {
      if (y.v !== 0) return new PyFloat(x.v / y.v);
    } else if (typeof y === 'number' && y !== 0) return new PyFloat(x.v / y);
  }
  return binop('/', x, y);
}

/** A safe int or float as a double (exact), or undefined for anything else. */
function asDouble(v: PyValue): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.v;
  return undefined;
}

// Comparisons: safe ints and floats are exact doubles, so JS comparison is Python's
// (NaN included). Everything else goes to ops.compare.

export function lt(x: PyValue, y: PyValue): PyValue {
  if (typeof x === 'number' && typeof y === 'number') return x < y;
  const a = asDouble(x);
  const b = asDouble(y);
  return a !== undefined && b !== undefined ? a < b : compare('<', x, y);
}

export function le(x: PyValue, y: PyValue): PyValue {
  if (typeof x === 'number' && typeof y === 'number') return x <= y;
  const a = asDouble(x);
  const b = asDouble(y);
  return a !== undefined && b !== undefined ? a <= b : compare('<=', x, y);
}

export function gt(x: PyValue, y: PyValue): PyValue {
  if (typeof x === 'number' && typeof y === 'number') return x > y;
  const a = asDouble(x);
  const b = asDouble(y);
  return a !== undefined && b !== undefined ? a > b : compare('>', x, y);
}

export function ge(x: PyValue, y: PyValue): PyValue {
  if (typeof x === 'number' && typeof y === 'number') return x >= y;
  const a = asDouble(x);
  const b = asDouble(y);
  return a !== undefined && b !== undefined ? a >= b : compare('>=', x, y);
}

export function eq(x: PyValue, y: PyValue): PyValue {
  if (typeof x === 'number' && typeof y === 'number') return x === y;
  const a = asDouble(x);
  const b = asDouble(y);
  return a !== undefined && b !== undefined ? a === b : compare('==', x, y);
}

export function ne(x: PyValue, y: PyValue): PyValue {
  if (typeof x === 'number' && typeof y === 'number') return x !== y;
  const a = asDouble(x);
  const b = asDouble(y);
  return a !== undefined && b !== undefined ? a !== b : compare('!=', x, y);
}

