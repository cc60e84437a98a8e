/**
 * Calling any callable: Python functions (argument binding with CPython's error texts,
 * frames, recursion and step limits), builtins, bound methods, classes, host objects.
 */
import { fatalErr, makeExc, recursionError, typeErr } from './exceptions.js';
import {
  BoundMethod,
  BuiltinFunction,
  Cell,
  PyClass,
  PyDict,
  PyExc,
  PyFunction,
  PyInstance,
  type FunctionCode,
} from './objects.js';
import { state } from './state.js';
import { typeName } from './types.js';
import { PY_TYPE, PyTuple, type Kwargs, type PyType, type PyValue } from './values.js';

/** Statement results: how a block ended. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;

/** TimeoutError; `line` is the loop's, for loops that do not mark their line on every iteration. */
export function stepLimitExceeded(line?: number): never {
  if (line !== undefined) state.line = line;
  throw fatalErr('TimeoutError', `program exceeded the step limit (${state.limits.maxSteps} steps)`);
}

export function callValue(f: PyValue, args: PyValue[], kwargs: Kwargs | null): PyValue {
  if (f instanceof PyFunction) return callFunction(f, args, kwargs);
  if (f instanceof BuiltinFunction) return f.fn(args, kwargs);
  if (typeof f === 'function') return f(args, kwargs);
  if (f instanceof BoundMethod) return callWithSelf(f.fn, f.self, args, kwargs);
  if (f instanceof PyClass) return instantiate(f, args, kwargs);
  if (f instanceof PyInstance) {
    const m = f.cls.lookup('__call__');
    if (m !== undefined) return callWithSelf(m, f, args, kwargs);
  } else {
    const t: PyType | undefined = f !== null && typeof f === 'object' ? (f as any)[PY_TYPE] : undefined;
    if (t?.call) return t.call(f, args, kwargs);
  }
  throw typeErr(`'${typeName(f)}' object is not callable`);
}

export function instantiate(cls: PyClass, args: PyValue[], kwargs: Kwargs | null): PyValue {
  if (cls.construct) return cls.construct(args, kwargs);
  // A user class deriving from a builtin type with a constructor (rare): build that first.
  const native = cls.mro.find((c) => c.construct !== undefined && c.module === 'builtins' && c.name !== 'object');
  const self = cls.isException ? makeExc(cls, args) : native ? native.construct!(args, kwargs) : new PyInstance(cls);
  const init = cls.lookup('__init__');
  if (init !== undefined) {
    const r = callWithSelf(init, self, args, kwargs);
    if (r !== null) throw typeErr(`__init__() should return None, not '${typeName(r)}'`);
  } else if (!cls.isException && (args.length > 0 || (kwargs && kwargs.size > 0))) {
    throw typeErr(`${cls.name}() takes no arguments`);
  }
  return self;
}

/** fn(self, *args): a simple Python function gets both straight in its frame, without an argument array. */
export function callWithSelf(fn: PyValue, self: PyValue, args: PyValue[], kwargs: Kwargs | null): PyValue {
  const n = args.length;
  if (fn instanceof PyFunction && fn.code.arity === n + 1 && kwargs === null) {
    const f = newFrame(fn.code.nslots);
    f[0] = self;
    for (let i = 0; i < n; i++) f[i + 1] = args[i];
    return callSimple(fn.code, f);
  }
  const full = new Array(n + 1);
  full[0] = self;
  for (let i = 0; i < n; i++) full[i + 1] = args[i];
  return callValue(fn, full, kwargs);
}

export function callFunction(fn: PyFunction, args: PyValue[], kwargs: Kwargs | null): PyValue {
  const code = fn.code;
  const n = code.nslots;
  const f = newFrame(n);
  if (args.length === code.arity && kwargs === null) {
    // parameters occupy slots 0..k-1 (scope.ts binds them first)
    for (let i = 0; i < args.length; i++) f[i] = args[i];
  } else {
    bindArguments(fn, f, args, kwargs);
    const cells = code.cellSlots;
    for (let i = 0; i < cells.length; i++) {
      const c = new Cell('');
      c.v = f[cells[i]];
      f[cells[i]] = c;
    }
    const free = code.freeSlots;
    for (let i = 0; i < free.length; i++) f[free[i]] = fn.closure[i];
  }
  return callSimple(code, f);
}

/**
 * A frame with every slot unbound: a holey array (a hole reads as undefined). Filling
 * it would cost more than the elements-kind transition, which V8's allocation-site
 * feedback does once per allocation site anyway.
 */
export function newFrame(n: number): PyValue[] {
  return new Array(n);
}

/**
 * Run a function whose frame holds its arguments (and cells): a step, a frame deeper.
 * It is inlined into every call site, and V8 inlines only so many bytecodes into one
 * function, so it is kept small: one read of `state`, and no try/finally — an exception
 * leaves state.depth as it was where it was thrown, and whoever catches it restores the
 * depth it saved (restoreDepth).
 */
export function callSimple(code: FunctionCode, f: PyValue[]): PyValue {
  const s = state;
  if (++s.steps > s.maxSteps) stepLimitExceeded();
  if (s.depth >= s.maxDepth) throw recursionError();
  s.depth++;
  const line = s.line;
  let v: PyValue = null;
  const body = code.body;
  const ret = code.ret;
  if (body !== null && body(f) === RETURN) v = s.retval;
  else if (ret !== null) {
    if (code.retLine >= 0) s.line = code.retLine;
    v = ret(f);
  }
  s.line = line;
  s.depth--;
  return v;
}

/** After catching an exception that may have left Python frames: their depth, given back. */
export function restoreDepth(depth: number): void {
  state.depth = depth;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function listNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
}

/** General argument binding, with CPython 3.11's messages. */
function bindArguments(fn: PyFunction, f: PyValue[], args: PyValue[], kwargs: Kwargs | null): void {
  const code: FunctionCode = fn.code;
  const name = fn.qualname + '()';
  const np = code.params.length;
  const slots = code.paramSlots;
  const nargs = args.length;
  const nKwonly = code.kwonly.length;
  if (nargs > np && code.vararg === null) {
    const ndef = fn.defaults.length;
    const kwGiven = kwargs ? [...kwargs.keys()].filter((k) => code.kwonly.includes(k)).length : 0;
    const takes = ndef > 0 ? `from ${np - ndef} to ${np}` : `${np}`;
    const given = kwGiven > 0 ? `${plural(nargs, 'positional argument')} (and ${plural(kwGiven, 'keyword-only argument')}) were given` : `${nargs} ${nargs === 1 ? 'was' : 'were'} given`;
    throw typeErr(`${name} takes ${takes} positional argument${np === 1 && ndef === 0 ? '' : 's'} but ${given}`);
  }
  const n = Math.min(nargs, np);
  for (let i = 0; i < n; i++) f[slots[i]] = args[i];
  let k = np;
  if (code.vararg !== null) f[slots[k++]] = new PyTuple(args.slice(n));
  const kwonlyBase = k;
  k += nKwonly;
  let extra: PyDict | null = null;
  if (code.kwarg !== null) {
    extra = new PyDict();
    f[slots[k]] = extra;
  }
  if (kwargs !== null) {
    for (const [key, value] of kwargs) {
      let idx = code.params.indexOf(key);
      if (idx >= code.posonly) {
        if (f[slots[idx]] !== undefined) throw typeErr(`${name} got multiple values for argument '${key}'`);
        f[slots[idx]] = value;
        continue;
      }
      idx = code.kwonly.indexOf(key);
      if (idx >= 0) {
        f[slots[kwonlyBase + idx]] = value;
        continue;
      }
      if (extra !== null) {
        extra.map.set(key, { k: key, v: value });
        continue;
      }
      throw typeErr(`${name} got an unexpected keyword argument '${key}'`);
    }
  }
  const defaults = fn.defaults;
  const firstDefault = np - defaults.length;
  let missing: string[] | null = null;
  for (let i = nargs; i < np; i++) {
    if (f[slots[i]] !== undefined) continue;
    if (i >= firstDefault) f[slots[i]] = defaults[i - firstDefault];
    else (missing ??= []).push(code.params[i]);
  }
  if (missing) throw typeErr(`${name} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
  for (let i = 0; i < nKwonly; i++) {
    const s = slots[kwonlyBase + i];
    if (f[s] !== undefined) continue;
    const d = fn.kwdefaults?.get(code.kwonly[i]);
    if (d !== undefined) f[s] = d;
    else (missing ??= []).push(code.kwonly[i]);
  }
  if (missing) throw typeErr(`${name} missing ${missing.length} required keyword-only argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
}

/** Check a builtin's argument count: `len() takes exactly one argument (2 given)`. */
export function exactArgs(name: string, args: PyValue[], n: number): void {
  if (args.length !== n) {
    if (n === 1) throw typeErr(`${name}() takes exactly one argument (${args.length} given)`);
    throw typeErr(`${name} expected ${n} arguments, got ${args.length}`);
  }
}

export function noKwargs(name: string, kwargs: Kwargs | null): void {
  if (kwargs && kwargs.size > 0) throw typeErr(`${name}() takes no keyword arguments`);
}

export function isStopIteration(e: unknown): e is PyExc {
  return e instanceof PyExc && e.cls.mro.some((c) => c.name === 'StopIteration');
}

